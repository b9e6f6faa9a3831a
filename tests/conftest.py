"""Every test (and every app or CLI process a test starts) keeps its recent-projects list in a
temporary folder, never in the user's ~/.config/coding-toolkit."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from toolkit.projects import CONFIG_ENV


@pytest.fixture(autouse=True, scope="session")
def _private_project_list(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    before = os.environ.get(CONFIG_ENV)
    os.environ[CONFIG_ENV] = str(tmp_path_factory.mktemp("config"))
    yield
    if before is None:
        os.environ.pop(CONFIG_ENV, None)
    else:
        os.environ[CONFIG_ENV] = before
