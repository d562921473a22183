// After login, back to the page that was asked for: the app's pages send a logged-out visitor to the login with
// ?next=<path and query> (org.tokengov.web.security.LoginReturnsToAskedPage). Camunda's "<app>.login.data" plugin
// point hands over the login's promise; once it succeeds, the visitor goes there instead of Camunda's start page.
// Only a path on this origin is followed, never another site.
const APPS = ['welcome', 'tasklist', 'cockpit', 'admin'];

function askedPage() {
  const next = new URLSearchParams(window.location.search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  const target = new URL(next, window.location.origin);
  return target.origin === window.location.origin ? target.pathname + target.search : null;
}

export default APPS.map((app) => ({
  id: 'tokengov.return-after-login',
  pluginPoint: `${app}.login.data`,
  priority: 0,
  render: () => {},
  result: (login) => {
    const target = askedPage();
    if (target) {
      login.then(() => window.location.assign(target)).catch(() => {});
    }
  }
}));
