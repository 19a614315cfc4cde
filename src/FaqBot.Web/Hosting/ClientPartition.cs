using System.Net;
using System.Net.Sockets;

namespace FaqBot.Web.Hosting;

/// <summary>The key a client's requests are counted under by the rate limits: its IPv4 address, or its IPv6 /64.</summary>
public static class ClientPartition
{
    /// <summary>
    /// An IPv4 address (IPv4-mapped IPv6 included) as itself; an IPv6 address as its /64, since one subscriber is usually
    /// given a whole /64 and could otherwise take a fresh address, and a fresh budget, for every request.
    /// </summary>
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The partition of the request's client (after the forwarded headers of known proxies are applied).</summary>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }
}
