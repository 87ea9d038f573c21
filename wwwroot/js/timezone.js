// The browser's time zone decides the user's "today" and the times shown. Written to a cookie on every page load,
// before the circuit starts, so the server's first render already knows it; read again over interop once live.
(function () {
    function timeZone() {
        try {
            return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
        } catch {
            return "UTC";
        }
    }

    function remember(zone) {
        document.cookie = `salesops.tz=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    }

    remember(timeZone());

    window.salesOpsTime = {
        timeZone,
        remember,
    };
})();
