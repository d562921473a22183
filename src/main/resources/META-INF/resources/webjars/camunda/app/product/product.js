// The product's name in every Camunda webapp of this app (the header shows "vendor name", the login page the name),
// imported by each app's scripts/config.js.
export const PRODUCT_NAME = 'REDCap API token governance';

export const app = {vendor: 'REDCap', name: 'API token governance'};

// Custom scripts every app loads, relative to the app's folder (app/<app>/).
export const customScripts = ['../product/login-heading', '../product/login-accessibility', '../product/return-after-login'];

// The process engine the webapp page shows: the last part of its <base href> (/camunda/app/tasklist/default/).
export function engineName() {
  return document.querySelector('base').getAttribute('href').split('/').filter(Boolean).pop();
}
