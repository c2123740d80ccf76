using System.Globalization;

namespace CoCoGen.Federation.Ports;

/// <summary>The identifiers organizations carry in records and on the wire: org1, org2, … in registration order.</summary>
public static class OrganizationIds
{
    /// <summary>The identifier of organization <paramref name="index"/> (0-based).</summary>
    public static string Of(int index) => string.Create(CultureInfo.InvariantCulture, $"org{index + 1}");
}
