"""JavaScript probes run in the page: when it has settled, and when a redraw after an action is over."""

# Settled: the script has finished and every Plotly chart has drawn its SVG.
SETTLED_JS = """() => {
    const app = document.querySelector('[data-testid=stApp]');
    if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    return [...document.querySelectorAll('[data-testid=stPlotlyChart]')].every(c => c.querySelector('.main-svg'));
}"""

# Call just before an action. Records the last change to the main area and when the rerun the action caused
# finished. The record's old value catches a rerun too quick to be seen running when the observer fires.
ARM_JS = """() => {
    (window.__observers || []).forEach(o => o.disconnect());
    window.__armed = performance.now();
    window.__last = null;
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

# The redraw is over when every chart has drawn and the page has been quiet for half a second since the last
# change to the main area or the end of the rerun. React may batch a quick rerun so that the running state is
# never shown: then the main area's change is the only sign. An action that changes nothing visible ends after
# three seconds, and its time is reported as NaN.
QUIET_JS = ("() => performance.now() - Math.max(window.__last || 0, window.__stopped || 0,"
            " window.__last || window.__stopped ? 0 : window.__armed + 2500) > 500 && (" + SETTLED_JS + ")()")

# Seconds from the action to the last visible change (or the end of the rerun, if later).
REDRAW_SECONDS_JS = ("() => window.__last || window.__stopped ?"
                     " (Math.max(window.__last || 0, window.__stopped || 0) - window.__armed) / 1000 : NaN")
