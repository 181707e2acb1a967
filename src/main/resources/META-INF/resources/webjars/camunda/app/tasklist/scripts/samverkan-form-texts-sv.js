// Samverkan: Swedish for the fixed texts of the form library Tasklist 7.24 ships (form-js 1.8.7),
// which has no translation mechanism of its own (bpmn-io/form-js#77). The one table of them:
// samverkan-form-texts.js applies it to every rendered Camunda Form. A key is form-js's English
// text exactly as it renders it (a text, a placeholder, an aria-label, a title); {1}, {2} stand for
// the parts that vary (a count, a limit, a column). "flatpickr" is the date picker's calendar
// (flatpickr.localize). The date placeholders follow the browser's date format (Intl), hence
// several. The body is JSON: FormTextsTest and FormsBrowserIT read it.
export default {
  "texts": {
    "Field is required.": "Fältet måste fyllas i.",
    "Field must have minimum value of {1}.": "Värdet måste vara minst {1}.",
    "Field must have maximum value of {1}.": "Värdet får vara högst {1}.",
    "Field must have minimum length of {1}.": "Minst {1} tecken.",
    "Field must have maximum length of {1}.": "Högst {1} tecken.",
    "Field must match pattern {1}.": "Fältet har fel format (mönster {1}).",
    "Field must be a valid  international phone number. (e.g. +4930664040900)": "Ange ett telefonnummer i internationellt format (t.ex. +46701234567).",
    "Field must be a valid email.": "Ange en giltig e-postadress.",
    "Value is not a number.": "Värdet är inte ett tal.",
    "Please select a valid value, the two nearest valid values are {1} and {2}.": "Välj ett giltigt värde; de två närmaste är {1} och {2}.",
    "Date and time must both be entered.": "Både datum och tid måste anges.",
    "Add new": "Lägg till rad",
    "Expand all ({1})": "Visa alla ({1})",
    "Collapse": "Fäll ihop",
    "Remove list item {1}": "Ta bort rad {1}",
    "Select": "Välj",
    "Search": "Sök",
    "No results": "Inga träffar",
    "All values selected": "Alla värden är valda",
    "Remove tag": "Ta bort",
    "Skip to search": "Hoppa till sökfältet",
    "Increment": "Öka",
    "Decrement": "Minska",
    "Nothing to show.": "Inget att visa.",
    "Previous page": "Föregående sida",
    "Next page": "Nästa sida",
    "Click to sort by {1} ascending": "Sortera efter {1}, stigande",
    "Click to sort by {1} descending": "Sortera efter {1}, fallande",
    "Click to remove sorting": "Ta bort sorteringen",
    "This is an image placeholder": "Här visas en bild",
    "Powered by bpmn.io": "Byggt med bpmn.io",
    "yyyy-mm-dd": "åååå-mm-dd",
    "mm/dd/yyyy": "mm/dd/åååå",
    "dd/mm/yyyy": "dd/mm/åååå",
    "dd.mm.yyyy": "dd.mm.åååå",
    "hh:mm": "tt:mm",
    "hh:mm ?m": "tt:mm ?m"
  },
  "flatpickr": {
    "weekdays": {
      "shorthand": ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
      "longhand": ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"]
    },
    "months": {
      "shorthand": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
      "longhand": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
        "oktober", "november", "december"]
    },
    "firstDayOfWeek": 1,
    "rangeSeparator": " till ",
    "weekAbbreviation": "v.",
    "scrollTitle": "Scrolla för att ändra",
    "toggleTitle": "Klicka för att växla",
    "yearAriaLabel": "År",
    "monthAriaLabel": "Månad",
    "hourAriaLabel": "Timme",
    "minuteAriaLabel": "Minut",
    "time_24hr": true
  }
};
