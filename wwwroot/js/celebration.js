// Confetti for a won deal on the leaderboard. canvas-confetti's browser build (window.confetti) is loaded on the
// first win only, as a script file: the CSP allows scripts from this site and nothing inline.
let loading;

function loadConfetti() {
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement("script");
        script.src = new URL("../lib/canvas-confetti/confetti.browser.js", import.meta.url).href;
        script.onload = () => resolve(window.confetti);
        script.onerror = reject;
        document.head.appendChild(script);
    });
    return loading;
}

export async function celebrate() {
    // People who asked the system for less motion get the banner without the confetti.
    if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
        return false;
    }
    const confetti = await loadConfetti();
    confetti({ particleCount: 140, spread: 80, origin: { y: 0.3 }, disableForReducedMotion: true });
    return true;
}
