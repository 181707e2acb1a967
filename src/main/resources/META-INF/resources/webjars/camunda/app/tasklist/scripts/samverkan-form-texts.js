// Samverkan Tasklist plugin: the fixed texts of Camunda Forms in Swedish.
//
// form-js 1.8.7 (the form library of Tasklist 7.24) writes its own texts in English and offers no
// way to translate them (bpmn-io/form-js#77). This script translates what it renders, after it
// renders it: a MutationObserver sees every text, placeholder, aria-label, title and alt inside a
// rendered form (.fjs-container) and replaces form-js's English with the Swedish of
// samverkan-form-texts-sv.js. Preact, which renders the form, writes a text or an attribute again
// only when its own value changes, so a translation stays until form-js shows another text, which
// the observer then translates. The date picker (flatpickr) is translated through its own API.
// Only a Swedish Tasklist is translated, by the rule Tasklist uses to choose its language
// (availableLocales sv, en; fallback en).
import table from './samverkan-form-texts-sv.js';

const FORM = '.fjs-container';
const ATTRIBUTES = ['placeholder', 'aria-label', 'title', 'alt'];

function swedishTasklist() {
  const languages = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
  const chosen = languages.map(language => language.toLowerCase().split('-')[0]).find(language => language === 'sv' || language === 'en');
  return chosen === 'sv';
}

/** The table as exact texts and as patterns for texts with varying parts ({1}, {2}). */
function compile(texts) {
  const exact = new Map();
  const patterns = [];
  for (const [english, swedish] of Object.entries(texts)) {
    if (/\{\d\}/.test(english)) {
      const source = english.split(/(\{\d\})/).map(part => /^\{\d\}$/.test(part)
        ? '(.+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('');
      const order = (english.match(/\{\d\}/g) || []).map(marker => Number(marker.slice(1, -1)));
      patterns.push({regex: new RegExp('^' + source + '$'), order, swedish});
    } else {
      exact.set(english, swedish);
    }
  }
  return function translate(text) {
    if (exact.has(text)) {
      return exact.get(text);
    }
    for (const pattern of patterns) {
      const match = pattern.regex.exec(text);
      if (match) {
        return pattern.swedish.replace(/\{(\d)\}/g, (marker, number) => match[pattern.order.indexOf(Number(number)) + 1]);
      }
    }
    return null;
  };
}

export function translator(texts) {
  const translate = compile(texts);

  function translateText(node) {
    const text = node.data;
    const trimmed = text.trim();
    if (!trimmed) {
      return;
    }
    const swedish = translate(trimmed);
    if (swedish !== null && swedish !== trimmed) {
      node.data = text.replace(trimmed, swedish);
    }
  }

  function translateAttributes(element) {
    for (const attribute of ATTRIBUTES) {
      const value = element.getAttribute(attribute);
      if (value) {
        const swedish = translate(value.trim());
        if (swedish !== null && swedish !== value) {
          element.setAttribute(attribute, swedish);
        }
      }
    }
  }

  function translateTree(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      translateText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    translateAttributes(root);
    root.querySelectorAll('[' + ATTRIBUTES.join('],[') + ']').forEach(translateAttributes);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      translateText(node);
    }
  }

  function insideForm(node) {
    const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return !!element && !!element.closest(FORM);
  }

  /** Translates what a mutation brought into a form (or a form it brought along). */
  function translateMutation(record) {
    if (record.type === 'childList') {
      record.addedNodes.forEach(node => {
        if (insideForm(node)) {
          translateTree(node);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          node.querySelectorAll(FORM).forEach(translateTree);
        }
      });
    } else if (insideForm(record.target)) {
      translateTree(record.target);
    }
  }

  return {translate, translateTree, translateMutation};
}

function localizeDatePicker() {
  const flatpickr = window.flatpickr;
  if (flatpickr && !flatpickr.samverkanLocalized) {
    flatpickr.localize(table.flatpickr);
    // the days' aria-labels ("december 2, 2026" by default)
    flatpickr.setDefaults({ariaDateFormat: 'j F Y'});
    flatpickr.samverkanLocalized = true;
  }
}

if (swedishTasklist()) {
  const forms = translator(table.texts);
  localizeDatePicker();
  new MutationObserver(records => {
    localizeDatePicker();
    records.forEach(forms.translateMutation);
  }).observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
  document.querySelectorAll(FORM).forEach(forms.translateTree);
}

// Tasklist expects a plugin's default export; this script adds no plugin point of its own.
export default [];
