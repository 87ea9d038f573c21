// Small focus and scrolling helpers for keyboard and phone use (skip link, drawer focus return, column tabs).
(function () {
    window.salesOpsUx = {
        reveal(selector) {
            const element = document.querySelector(selector);
            if (element) {
                element.scrollIntoView({ behavior: "smooth", block: "nearest", inline: "start" });
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
