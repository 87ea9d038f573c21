// Small focus and scrolling helpers for keyboard and phone use (skip link, drawer focus return, column tabs).
(function () {
    window.salesOpsUx = {
        reveal(selector) {
            const element = document.querySelector(selector);
            if (element) {
                element.scrollIntoView({ behavior: "smooth", block: "nearest", inline: "start" });
            }
        },
        rememberTheme(dark) {
            document.cookie = `salesops.theme=${dark ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
            document.documentElement.dataset.theme = dark ? "dark" : "light";
        },
        async copy(text) {
            try {
                await navigator.clipboard.writeText(text);
                return true;
            } catch {
                return false;
            }
        },
        // Focus that fell back to the page (a saved field re-rendered, a button went away) returns into the panel.
        keepFocus(selector) {
            const element = document.querySelector(selector);
            if (element && (document.activeElement === document.body || document.activeElement === null)) {
                element.focus({ preventScroll: true });
            }
        },
        focus(selector) {
            const element = document.querySelector(selector);
            if (element) {
                element.focus({ preventScroll: false });
                return true;
            }
            return false;
        },
    };
})();
