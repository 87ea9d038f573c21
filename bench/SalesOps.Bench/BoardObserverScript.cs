namespace SalesOps.Bench;

/// <summary>
/// Injected into each board page: a MutationObserver that notes <c>Date.now()</c> when a watched card first
/// appears in a column. It runs as a microtask right after Blazor applies the render batch, so it measures
/// "the DOM shows it", before the next paint.
/// </summary>
public static class BoardObserverScript
{
    public const string Install = """
        () => {
            if (window.__salesOpsBench) return;
            const pending = new Map();
            const seen = {};
            const check = () => {
                for (const [token, selector] of pending) {
                    if (document.querySelector(selector)) {
                        seen[token] = Date.now();
                        pending.delete(token);
                    }
                }
                if (pending.size === 0) observer.disconnect();
            };
            const observer = new MutationObserver(check);
            window.__salesOpsBench = {
                // false when the card is already there: the move would measure nothing.
                watch(token, selector) {
                    if (document.querySelector(selector)) return false;
                    pending.set(token, selector);
                    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-stage-id', 'data-deal-id'] });
                    return true;
                },
                seen() { return seen; },
            };
        }
        """;

    /// <summary>Arms a watch: <c>[token, selector]</c>; returns false if the selector already matches.</summary>
    public const string Watch = "([token, selector]) => window.__salesOpsBench.watch(token, selector)";

    /// <summary>Token → Date.now() at appearance, for every watch that fired.</summary>
    public const string Seen = "() => window.__salesOpsBench.seen()";

    /// <summary>Every card on the board as <c>[stageId, dealId]</c>.</summary>
    public const string Cards = """
        () => Array.from(document.querySelectorAll('section[data-stage-id] article[data-deal-id]'))
            .map(a => [Number(a.closest('section[data-stage-id]').dataset.stageId), Number(a.dataset.dealId)])
        """;

    public static string CardSelector(int stageId, int dealId) => $"section[data-stage-id=\"{stageId}\"] article[data-deal-id=\"{dealId}\"]";
}
