"""Throughput of each transcript format's importer (parse only, no store): one generated transcript
of about 10,000 words with short turns (8-60 words) saved as .txt, .md, .docx, .odt, .rtf and .pdf,
parsed REPEAT times; prints wall and CPU milliseconds, words per CPU second per format and the ratio
to .txt (CPU time, since the development machine is shared).

    .venv/bin/python benchmarks/bench_import_formats.py
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from test_import_formats import _rtf_escape
from test_import_pdf import make_pdf

from toolkit.importers import parse_bytes

REPEAT = 5
WORDS = "Antrag Akte Scanner Kollegin Bürgerbüro läuft schnell heute gestern weil aber und".split()


def transcript(words: int = 10_000, seed: int = 19) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    turns, total, second = [], 0, 0
    while total < words:
        n = rng.randint(8, 60)
        said = " ".join(rng.choice(WORDS) for _ in range(n)) + "."
        second += rng.randint(3, 30)
        stamp = f"{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
        turns.append(("I" if len(turns) % 2 == 0 else "B", stamp, said))
        total += n
    return turns


def files(turns: list[tuple[str, str, str]]) -> dict[str, bytes]:
    import io
    import zipfile
    from xml.sax.saxutils import escape

    from docx import Document

    lines = [f"{s}: [{t}] {x}" for s, t, x in turns]
    doc = Document()
    for s, t, x in turns:
        p = doc.add_paragraph()
        p.add_run(f"{s}:").bold = True
        p.add_run(f" [{t}] {x}")
    docx = io.BytesIO()
    doc.save(docx)
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = f"<office:document-content {ns}><office:body><office:text>"
    content += "".join(f"<text:p>{escape(line)}</text:p>" for line in lines)
    content += "</office:text></office:body></office:document-content>"
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    rtf = r"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}" + "".join(
        rf"{{\b {s}:}} [{t}] " + _rtf_escape(x) + "\\par\n" for s, t, x in turns
    )
    pages = [lines[i : i + 40] for i in range(0, len(lines), 40)]
    return {
        ".txt": "\n".join(lines).encode(),
        ".md": "\n\n".join(f"**{s} [{t}]** {x}" for s, t, x in turns).encode(),
        ".docx": docx.getvalue(),
        ".odt": odt.getvalue(),
        ".rtf": (rtf + "}").encode("ascii"),
        ".pdf": make_pdf([[line[:110] for line in page] for page in pages]),
    }


def main() -> None:
    turns = transcript()
    words = sum(len(x.split()) for _, _, x in turns)
    rates = {}
    for ext, data in files(turns).items():
        parse_bytes(data, "x" + ext)
        start, cpu = time.perf_counter(), time.process_time()
        for _ in range(REPEAT):
            doc = parse_bytes(data, "x" + ext)
        seconds = (time.perf_counter() - start) / REPEAT
        cpu_seconds = (time.process_time() - cpu) / REPEAT
        rates[ext] = words / cpu_seconds
        print(
            f"{ext:6} {len(doc.turns):5} turns  {seconds * 1000:8.1f} ms wall  "
            f"{cpu_seconds * 1000:8.1f} ms CPU  {rates[ext]:12,.0f} words/CPU-s"
        )
    for ext, rate in rates.items():
        print(f"{ext:6} ratio to .txt (CPU) {rate / rates['.txt']:.2f}")


if __name__ == "__main__":
    main()
