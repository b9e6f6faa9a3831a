// Keeps a team login across reloads: writes (or, with an empty value, deletes) one cookie of this
// site. Renders nothing. The token is a random session id; the server checks it on every run.
export default function (component) {
  const { data } = component;
  if (!data || !data.name) return;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  const base = `; Path=/; SameSite=Strict${secure}`;
  if (data.value) {
    document.cookie = `${data.name}=${encodeURIComponent(data.value)}; Max-Age=${data.maxAge}${base}`;
  } else {
    document.cookie = `${data.name}=; Max-Age=0${base}`;
    // after a logout: start afresh, so nothing of the signed-in page (its sidebar) stays behind
    if (data.reload) window.location.reload();
  }
}
