using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace SalesOps.Web.Auth;

/// <summary>
/// The open hub connections of each API key, so that revoking a key closes them at once instead of leaving them
/// to hear events until they disconnect on their own. Keeps each connection's <see cref="HubCallerContext"/>:
/// aborting through it is the hub's own way to drop a connection from outside a hub call.
/// </summary>
/// <remarks>Per node: scaled out, a revocation closes this node's connections, and the other nodes refuse the
/// key's next hub call and request once their key cache has forgotten it.</remarks>
public sealed class ApiKeyConnections
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> _byKeyHash = new();

    public void Add(string keyHash, HubCallerContext connection) =>
        _byKeyHash.GetOrAdd(keyHash, _ => new()).TryAdd(connection.ConnectionId, connection);

    public void Remove(string keyHash, string connectionId)
    {
        if (_byKeyHash.TryGetValue(keyHash, out var connections))
        {
            connections.TryRemove(connectionId, out _);
        }
    }

    /// <summary>Closes every connection opened with the key; returns how many there were.</summary>
    public int AbortAll(string keyHash)
    {
        if (!_byKeyHash.TryRemove(keyHash, out var connections))
        {
            return 0;
        }

        foreach (var connection in connections.Values)
        {
            connection.Abort();
        }

        return connections.Count;
    }
}
