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
