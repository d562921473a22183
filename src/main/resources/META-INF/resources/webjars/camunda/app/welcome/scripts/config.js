// welcome settings of REDCap API token governance (replaces the webapp's own config.js): the product's name instead
// of Camunda's, and its login page (../product/).
import {app, customScripts} from '../../product/product.js';

export default {
  app,
  customScripts
};
