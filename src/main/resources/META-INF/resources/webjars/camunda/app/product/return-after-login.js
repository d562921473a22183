// After login, back to the page that was asked for: the app's pages send a logged-out visitor to the login with
// ?next=<path and query> (org.tokengov.web.security.LoginReturnsToAskedPage). Camunda's "<app>.login.data" plugin
// point hands over the login's promise; once it succeeds, the visitor goes there instead of Camunda's start page. A
// visitor who arrives logged in already (the keycloak profile logs in at Keycloak, then comes back here) goes there
// at once. Only a path on this origin is followed, never another site.
import {engineName} from './product.js';

const APPS = ['welcome', 'tasklist', 'cockpit', 'admin'];

function askedPage() {
  const next = new URLSearchParams(window.location.search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return null;
  }
  const target = new URL(next, window.location.origin);
  return target.origin === window.location.origin ? target.pathname + target.search : null;
}

function loggedInAlready(target) {
  const appRoot = document.querySelector('base').getAttribute('app-root');
  fetch(`${appRoot}/api/admin/auth/user/${engineName()}`,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then((response) => {
      if (response.ok) {
        window.location.replace(target);
      }
    })
    .catch(() => {});
}

const ASKED = askedPage();
if (ASKED) {
  loggedInAlready(ASKED);
}

export default APPS.map((app) => ({
  id: 'tokengov.return-after-login',
  pluginPoint: `${app}.login.data`,
  priority: 0,
  render: () => {},
  result: (login) => {
    if (ASKED) {
      login.then(() => window.location.assign(ASKED)).catch(() => {});
    }
  }
}));
