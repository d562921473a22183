// Tasklist header link to the person's token requests (/requests), beside the dashboard link; same login.
export default {
  id: 'tokengov.token-requests-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 49,
  render: (node) => {
    const link = document.createElement('a');
    link.href = '/requests';
    link.className = 'token-requests-link';
    link.textContent = 'My token requests';
    node.appendChild(link);
  }
};
