// Wall screens run unattended for weeks: whatever happens to the connection, the screen must come back by itself.
// While the connection is down the server cannot draw, so this script shows the "stale since hh:mm" banner (the
// element and its localized text come from the server) and retries with backoff, forever. If the server no longer
// knows the circuit (it restarted), the page reloads as soon as the server answers again, and catches up on the wins
// it missed.
(() => {
    const maxDelay = 10_000;
    let downSince = null;
    let recovering = false;

    const delay = ms => new Promise(resolve => setTimeout(resolve, ms));
    const backoff = attempt => Math.min(500 * 2 ** Math.min(attempt, 10), maxDelay);
    const banner = () => document.getElementById("display-stale");

    function showStale() {
        const element = banner();
        if (!element) {
            return;
        }
        const since = new Date(downSince).toLocaleTimeString(document.documentElement.lang || [], { hour: "2-digit", minute: "2-digit", hour12: false });
        element.textContent = (element.dataset.template || "{0}").replace("{0}", since);
        element.dataset.stale = "true";
        element.hidden = false;
    }

    function hideStale() {
        const element = banner();
        if (element) {
            element.dataset.stale = "false";
            element.hidden = true;
        }
    }

    async function serverAnswers() {
        try {
            const response = await fetch(location.href, { cache: "no-store" });
            return response.ok;
        } catch {
            return false;
        }
    }

    async function recover() {
        if (recovering) {
            return;
        }
        recovering = true;
        for (let attempt = 0; ; attempt++) {
            await delay(backoff(attempt));
            try {
                if (await Blazor.reconnect()) {
                    recovering = false;
                    return;
                }
            } catch {
                continue; // the server is unreachable: keep trying
            }
            // The server answered but has no circuit for us any more: reload once the page itself loads.
            while (!(await serverAnswers())) {
                await delay(backoff(++attempt));
            }
            location.reload();
            return;
        }
    }

    // The last live event the page had taken in (rendered by the server once it has caught up) is kept across a
    // reload, so the page that comes back celebrates the wins it missed meanwhile (DisplayPage.CatchUpAsync).
    const seenKey = () => `salesops.display.seen:${location.pathname}`;
    addEventListener("pagehide", () => {
        const seen = document.querySelector("[data-live-sequence]")?.dataset.liveSequence;
        if (seen) {
            sessionStorage.setItem(seenKey(), seen);
        }
    });
    window.salesOpsDisplay = {
        lastSeen: () => {
            const seen = Number.parseInt(sessionStorage.getItem(seenKey()) ?? "", 10);
            return Number.isSafeInteger(seen) && seen >= 0 ? seen : null;
        },
    };

    Blazor.start({
        circuit: {
            reconnectionHandler: {
                onConnectionDown: () => {
                    downSince ??= Date.now();
                    showStale();
                    recover();
                },
                onConnectionUp: () => {
                    downSince = null;
                    hideStale();
                },
            },
        },
    });
})();
