// Samverkan Cockpit plugin: values in words a process owner reads, not in code.
//
// - Dates as config.js's dateFormat says (2026-12-01 22:27), as in Tasklist. Cockpit 7.24 sets its own
//   formats (camunda-cockpit-ui.js: normal 'YYYY-MM-DD[T]HH:mm:ss', so a Date variable read
//   "2026-12-01T22:27:07") and, unlike Tasklist (config/date.js), never applies config.js's dateFormat.
//   This module's configuration runs after Cockpit's and applies it.
// - An instance without a parent: Cockpit's page writes a literal "null" after "Överordnat ärende:"
//   (pages/process-instance.html, span.null-value); a Swedish Cockpit says SAMVERKAN_NO_SUPER_PROCESS_INSTANCE
//   of locales/sv.json instead (an English one keeps Camunda's text).
// - A job definition's type and configuration (the process page's "Tidsstyrda jobb" tab and the dialog
//   overriding the priority of all of them): Cockpit writes the engine's codes ("timer-task-listener",
//   "DURATION: P1D"; plugins/jobDefinition/.../job-definition-table.html, no locale key). A Swedish
//   Cockpit says SAMVERKAN_JOB_TYPE_<type> and SAMVERKAN_JOB_CONFIGURATION_<DATE|DURATION|CYCLE|async-…>
//   instead; a type without such a key (or an English Cockpit) keeps the code.
// - The variables table's column "Actions" is fixed English in Camunda's widget (cam-widget-variables-table):
//   SAMVERKAN_ACTIONS.
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

// The code itself when the locale has no text for it ($translate.instant answers the key).
function textOr($translate, key, code) {
  const text = $translate.instant(key);
  return text === key ? code : text;
}

ngModule.filter('samverkanJobType', ['$translate', function($translate) {
  const filter = type => (type ? textOr($translate, 'SAMVERKAN_JOB_TYPE_' + type, type) : type);
  filter.$stateful = true; // the locale may load after the first digest
  return filter;
}]);

ngModule.filter('samverkanJobConfiguration', ['$translate', function($translate) {
  const filter = configuration => {
    if (!configuration) {
      return configuration;
    }
    // Timers: "<DATE|DURATION|CYCLE>: <expression>" (BpmnParse.parseTimer); async: "async-before" / "async-after".
    const timer = /^(DATE|DURATION|CYCLE): ([\s\S]*)$/.exec(configuration);
    if (timer) {
      const label = textOr($translate, 'SAMVERKAN_JOB_CONFIGURATION_' + timer[1], null);
      return label ? label + ': ' + timer[2] : configuration;
    }
    return textOr($translate, 'SAMVERKAN_JOB_CONFIGURATION_' + configuration, configuration);
  };
  filter.$stateful = true;
  return filter;
}]);

// <td class="type">{{ jobDefinition.jobType }}</td> and <td class="configuration">{{ jobDefinition.jobConfiguration }}</td>:
// the cell's text gets the filter before Angular compiles it (a directive's compile runs before its
// children are compiled, and at priority 1 before cam-widget-clipboard takes them into its template).
function filteredCell(expression, filter) {
  const plain = new RegExp('\\{\\{\\s*' + expression.replace('.', '\\.') + '\\s*\\}\\}');
  return function() {
    return {
      restrict: 'C',
      priority: 1,
      compile: function(element) {
        element[0].childNodes.forEach(node => {
          if (node.nodeType === Node.TEXT_NODE && plain.test(node.nodeValue)) {
            node.nodeValue = node.nodeValue.replace(plain, '{{ ' + expression + ' | ' + filter + ' }}');
          }
        });
      }
    };
  };
}
ngModule.directive('type', filteredCell('jobDefinition.jobType', 'samverkanJobType'));
ngModule.directive('configuration', filteredCell('jobDefinition.jobConfiguration', 'samverkanJobConfiguration'));

// <td class="actions" ng-if="editable.length">Actions</td> of the variables table's head.
ngModule.directive('actions', ['$translate', function($translate) {
  return {
    restrict: 'C',
    link: function(scope, element) {
      const cell = element[0];
      if (cell.children.length || cell.textContent.trim() !== 'Actions') {
        return;
      }
      $translate('SAMVERKAN_ACTIONS').then(text => {
        cell.textContent = text;
      }, () => {});
    }
  };
}]);

// Cockpit expects a plugin's default export; this script adds no plugin point of its own.
export default [];
