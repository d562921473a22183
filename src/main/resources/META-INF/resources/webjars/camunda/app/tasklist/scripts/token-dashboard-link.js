// Tasklist header link to the app's token dashboard (/dashboard), which shares Tasklist's login.
export default {
  id: 'tokengov.token-dashboard-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 50,
  render: (node) => {
    const link = document.createElement('a');
    link.href = '/dashboard';
    link.className = 'token-dashboard-link';
    link.textContent = 'Token dashboard';
    node.appendChild(link);
  }
};
