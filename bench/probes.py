"""JavaScript probes run in the page: when it has settled, and when a redraw after an action is over."""

# Settled: the script has finished and every Plotly chart has drawn its SVG.
SETTLED_JS = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    return [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(c => c.querySelector('.main-svg'));
}"""

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
    window.__last = null;
    window.__url = null;
    window.__ran = false;
    window.__stopped = null;
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
# finished), every chart has drawn, and nothing has changed for half a second. React may batch a quick rerun
# so that the running state is never shown, hence the other signs. An action must change something visible.
_SIGN = "Math.max(window.__last || 0, window.__url || 0, window.__stopped || 0)"
QUIET_JS = f"() => {_SIGN} > 0 && performance.now() - {_SIGN} > 500 && (" + SETTLED_JS + ")()"

# Seconds from the action to its last visible sign.
REDRAW_SECONDS_JS = f"() => ({_SIGN} - window.__armed) / 1000"
