// Tasklist settings of REDCap API token governance (replaces the webapp's own config.js, whose defaults are kept
// apart from the added scripts and the product's name).
import {app, customScripts} from '../../product/product.js';

export default {
  // The product's name in the header and on the login page, instead of "Camunda Tasklist".
  app,

  customScripts: [
    ...customScripts,
    // "Token dashboard" and "My token requests" links in Tasklist's header.
    'scripts/token-dashboard-link',
    // "Create task" and filter editing only for those the engine lets create tasks and filters.
    'scripts/administrator-actions'
  ],

  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
