// Tasklist settings of REDCap API token governance (replaces the webapp's own config.js, whose defaults are kept
// apart from the added script).
export default {
  // "Token dashboard" and "My token requests" links in Tasklist's header (scripts/token-dashboard-link.js).
  customScripts: ['scripts/token-dashboard-link'],

  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
