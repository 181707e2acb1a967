// Samverkan Cockpit plugin: values in words a process owner reads, not in code.
//
// - Dates as config.js's dateFormat says (2026-12-01 22:27), as in Tasklist. Cockpit 7.24 sets its own
//   formats (camunda-cockpit-ui.js: normal 'YYYY-MM-DD[T]HH:mm:ss', so a Date variable read
//   "2026-12-01T22:27:07") and, unlike Tasklist (config/date.js), never applies config.js's dateFormat.
//   This module's configuration runs after Cockpit's and applies it.
// - An instance without a parent: Cockpit's page writes a literal "null" after "Överordnat ärende:"
//   (pages/process-instance.html, span.null-value); a Swedish Cockpit says SAMVERKAN_NO_SUPER_PROCESS_INSTANCE
//   of locales/sv.json instead (an English one keeps Camunda's text).
const ngModule = window.angular.module('cam.cockpit.custom');

ngModule.config(['camDateFormatProvider', 'configurationProvider',
  function(camDateFormatProvider, configurationProvider) {
    ['monthName', 'day', 'abbr', 'normal', 'long', 'short'].forEach(variant =>
      camDateFormatProvider.setDateFormat(configurationProvider.getDateFormat(variant), variant));
  }]);

const NO_SUPER = 'SAMVERKAN_NO_SUPER_PROCESS_INSTANCE';

// The <dd class="super-process-instance-id"> of the instance page.
ngModule.directive('superProcessInstanceId', ['$translate', function($translate) {
  return {
    restrict: 'C',
    link: function(scope, element) {
      const none = element[0].querySelector('.null-value');
      if (!none) {
        return;
      }
      $translate(NO_SUPER).then(text => {
        none.textContent = text;
      }, () => {});
    }
  };
}]);

// Cockpit expects a plugin's default export; this script adds no plugin point of its own.
export default [];
