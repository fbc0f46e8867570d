"""JavaScript probes run in the page: when it has settled, and when a redraw after an action is over."""

# Settled, at this instant: the script has finished, no element is still loading, every Plotly chart has drawn,
# and every map has its tiles.
# - No `stSkeleton`: Streamlit loads a chart's (and a toggle's, a table's) code on first use and shows a skeleton
#   in its place meanwhile; on /map the script finished about 1.7 s before the chart element even existed, so a
#   probe that only looked at the charts present called the page settled with no chart at all.
# - `.js-plotly-plot .main-svg`, not any `.main-svg`: an early `.main-svg` can show before Plotly has built the
#   plot (`.js-plotly-plot`, the graph div) and drawn into it.
# - A map subplot (Choroplethmap, Scattermap) paints on MapLibre's canvas after that: it is drawn when its map
#   reports loaded() (style and sources parsed, nothing pending) and areTilesLoaded() (every tile rendered).
#   Plotly lists the map subplots' ids in gd._fullLayout._subplots.map ('map', 'map2' ...) and keeps each one's
#   MapLibre map at gd._fullLayout[id]._subplot.map. A map not yet created counts as not drawn.
SCRIPT_DONE_JS = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    return !!app && app.getAttribute('data-test-script-state') === 'notRunning';
}"""
DRAWN_JS = f"""() => {{
    if (!({SCRIPT_DONE_JS})() || document.querySelector('[data-testid=stSkeleton]')) return false;
    for (const chart of document.querySelectorAll('[data-testid=stPlotlyChart]'))
        if (!chart.querySelector('.js-plotly-plot .main-svg')) return false;
    return true;
}}"""
MAPS_LOADED_JS = """() => {
    for (const gd of document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot')) {
        if (!gd._fullLayout) return false;
        for (const id of (gd._fullLayout._subplots || {}).map || []) {
            const subplot = gd._fullLayout[id] && gd._fullLayout[id]._subplot;
            const map = subplot && subplot.map;
            if (!map || !map.loaded() || !map.areTilesLoaded()) return false;
        }
    }
    return true;
}"""
SETTLED_JS = f"() => ({DRAWN_JS})() && ({MAPS_LOADED_JS})()"

# Settled and still so HOLD_MS later. A map reports loaded() for a frame or a few (seen: 40 ms, 100 ms) and then
# loads again as its layers are updated, so one true reading is not the end. Polled every POLL_MS, it keeps in
# window.__settledSince when the current run of true readings began: that moment, not the end of the hold, is
# when the page settled (SETTLED_AGO_JS), so the hold adds nothing to a measured time. A timer, not animation
# frames: with ten pages open at once (bench/load.py) Chromium gave some of them no frames, and a /map session
# waited out its 180 s.
HOLD_MS = 500
POLL_MS = 25
RESET_JS = "() => { window.__settledSince = null; }"
STEADY_JS = f"""() => {{
    const now = performance.now();
    if (!({SETTLED_JS})()) {{ window.__settledSince = null; return false; }}
    if (window.__settledSince == null) window.__settledSince = now;
    return now - window.__settledSince >= {HOLD_MS};
}}"""
SETTLED_AGO_JS = "() => (performance.now() - window.__settledSince) / 1000"

# Where a page load's time goes: when the server's last message before the page settled arrived (with the
# WebSocket spy below installed), and the first reading (ms since navigation began) at which the script had
# finished, at which nothing was loading and every chart was drawn (maps aside), at which every map had its
# tiles too; `settled` is the start of the final settled stretch (what the bench reports as the load time).
PHASES = ("message", "script", "drawn", "maps", "settled")
PHASED_JS = f"""() => {{
    const phases = window.__phases = window.__phases || {{}};
    const now = performance.now();
    if (phases.script == null && ({SCRIPT_DONE_JS})()) phases.script = now;
    if (phases.drawn == null && ({DRAWN_JS})()) phases.drawn = now;
    const steady = ({STEADY_JS})();
    if (phases.maps == null && window.__settledSince != null) phases.maps = window.__settledSince;
    if (steady) {{
        phases.settled = window.__settledSince;
        const heard = (window.__messages || []).filter(t => t <= phases.settled);
        phases.message = heard.length ? heard[heard.length - 1] : null;
    }}
    return steady;
}}"""
PHASES_JS = "() => window.__phases"

# Why a wait timed out: each map's state, to tell a map that keeps reloading from one that never started.
STATE_JS = """() => Array.from(document.querySelectorAll('[data-testid=stPlotlyChart] .js-plotly-plot')).map(gd =>
    ((gd._fullLayout && gd._fullLayout._subplots || {}).map || []).map(id => {
        const map = gd._fullLayout[id]._subplot && gd._fullLayout[id]._subplot.map;
        return map ? {loaded: map.loaded(), tiles: map.areTilesLoaded(), style: map.isStyleLoaded(),
                      moving: map.isMoving(), hidden: document.hidden} : 'no map yet';
    }))"""


def settle(page, timeout: float = 120_000, reset: bool = True) -> float:
    """Wait (sync Playwright) until the page has settled and stayed so; return how many seconds ago it settled.
    The reset first: a reading left from before an action must not count for the page after it (a fresh
    document has none, and right after a navigation commits there may be no script context to reset in)."""
    if reset:
        page.evaluate(RESET_JS)
    page.wait_for_function(STEADY_JS, timeout=timeout, polling=POLL_MS)
    return page.evaluate(SETTLED_AGO_JS)


# Call just before an action. Records the last change to the main area, the last change to the URL (a filter
# change rewrites the query string) and when the rerun the action caused finished. The record's old value
# catches a rerun too quick to be seen running when the observer fires.
ARM_JS = """() => {
    (window.__observers || []).forEach(o => o.disconnect());
    if (!window.__historyWrapped) {
        for (const name of ['pushState', 'replaceState']) {
            const original = history[name].bind(history);
            history[name] = (...args) => { window.__url = performance.now(); return original(...args); };
        }
        window.__historyWrapped = true;
    }
    window.__armed = performance.now();
    window.__messages = [];
    window.__last = null;
    window.__url = null;
    window.__ran = false;
    window.__stopped = null;
    window.__settledSince = null;
    const app = document.querySelector('[data-testid=stApp]');
    const main = document.querySelector('[data-testid=stMain]') || document.body;
    const content = new MutationObserver(() => { window.__last = performance.now(); });
    content.observe(main, {attributes: true, childList: true, subtree: true, characterData: true});
    const state = new MutationObserver(records => {
        const now = app.getAttribute('data-test-script-state');
        if (now === 'running' || records.some(r => r.oldValue === 'running')) window.__ran = true;
        if (window.__ran && now === 'notRunning') window.__stopped = performance.now();
    });
    state.observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true});
    window.__observers = [content, state];
}"""

# The redraw is over when the action has shown a sign (a change to the main area or the URL, or a rerun that
# finished), nothing has changed for half a second, and the page is settled and has stayed so (STEADY_JS: the
# strict probe, charts and maps drawn). React may batch a quick rerun so that the running state is never shown,
# hence the other signs. An action must change something visible.
_SIGN = "Math.max(window.__last || 0, window.__url || 0, window.__stopped || 0)"
# STEADY_JS runs on every poll, first: its hold counts from its first true reading.
QUIET_JS = f"() => ({STEADY_JS})() && {_SIGN} > 0 && performance.now() - {_SIGN} > 500"

# Seconds from the action to its last visible sign.
REDRAW_SECONDS_JS = f"() => ({_SIGN} - window.__armed) / 1000"

# Installed before the app's own scripts (context.add_init_script): the arrival time of every WebSocket message
# since the last ARM_JS, to split a redraw into the server's part (until its last message arrived) and the
# browser's (from then until the page was drawn).
WEBSOCKET_SPY_JS = """(() => {
    const Native = window.WebSocket;
    window.__messages = [];  // a load's messages from navigation on; ARM_JS starts a new list for an action
    window.WebSocket = class extends Native {
        constructor(...args) {
            super(...args);
            const heard = () => { if (window.__messages) window.__messages.push(performance.now()); };
            this.addEventListener('message', heard);
        }
    };
})()"""

# After QUIET_JS: [messages that arrived from the action to its last visible sign, seconds from the action to
# the last of them].
SERVER_PART_JS = f"""() => {{
    const sign = {_SIGN};
    const before = (window.__messages || []).filter(t => t <= sign);
    return [before.length, before.length ? (before[before.length - 1] - window.__armed) / 1000 : 0];
}}"""
