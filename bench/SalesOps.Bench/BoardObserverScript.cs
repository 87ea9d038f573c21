namespace SalesOps.Bench;

/// <summary>
/// Injected into each board or map page: a MutationObserver that notes <c>Date.now()</c> when a watched card first
/// appears in a column (a CSS selector), or when the territory map shows an account in a territory (a
/// <c>{ account, territory }</c> target: clustered markers are not in the DOM, so the map is asked, each time it
/// redraws). It runs as a microtask right after Blazor applies the render batch (or the map its update), so it
/// measures "the page shows it", before the next paint.
/// </summary>
public static class BoardObserverScript
{
    public const string Install = """
        () => {
            if (window.__salesOpsBench) return;
            const pending = new Map();
            const seen = {};
            const shows = target => typeof target === 'string'
                ? document.querySelector(target) !== null
                : document.querySelector("[data-testid='territory-map']")?.territoryMap?.territoryOf(target.account) === target.territory;
            const check = () => {
                for (const [token, target] of pending) {
                    if (shows(target)) {
                        seen[token] = Date.now();
                        pending.delete(token);
                    }
                }
                if (pending.size === 0) observer.disconnect();
            };
            const observer = new MutationObserver(check);
            window.__salesOpsBench = {
                // false when the card is already there: the move would measure nothing.
                watch(token, target) {
                    if (shows(target)) return false;
                    pending.set(token, target);
                    observer.observe(document.body, { childList: true, subtree: true, attributes: true,
                        attributeFilter: ['data-stage-id', 'data-deal-id', 'data-territory-id', 'data-account-id', 'data-version'] });
                    return true;
                },
                seen() { return seen; },
            };
        }
        """;

    /// <summary>Arms a watch: <c>[token, target]</c> (a selector or a map target); returns false if the page shows it already.</summary>
    public const string Watch = "([token, target]) => window.__salesOpsBench.watch(token, target)";

    /// <summary>Token → Date.now() at appearance, for every watch that fired.</summary>
    public const string Seen = "() => window.__salesOpsBench.seen()";

    /// <summary>Every card on the board as <c>[stageId, dealId]</c>.</summary>
    public const string Cards = """
        () => Array.from(document.querySelectorAll('section[data-stage-id] article[data-deal-id]'))
            .map(a => [Number(a.closest('section[data-stage-id]').dataset.stageId), Number(a.dataset.dealId)])
        """;

    public static string CardSelector(int stageId, int dealId) => $"section[data-stage-id=\"{stageId}\"] article[data-deal-id=\"{dealId}\"]";

    /// <summary>An account card in a territory board's column.</summary>
    public static string AccountCardSelector(int territoryId, int accountId) => $"section[data-territory-id=\"{territoryId}\"] article[data-account-id=\"{accountId}\"]";

    /// <summary>The territory map showing the account's marker in the territory.</summary>
    public static object MapTarget(int territoryId, int accountId) => new { account = accountId, territory = territoryId };
}
