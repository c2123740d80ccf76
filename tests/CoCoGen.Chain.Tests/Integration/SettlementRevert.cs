using CoCoGen.Chain.Contracts.Settlement;

namespace CoCoGen.Chain.Tests.Integration;

/// <summary>Asserts that an action reverts with one particular CoCoGenSettlement custom error, decoded with its arguments.</summary>
public static class SettlementRevert
{
    public static async Task<(TError Error, SettlementRevertException Exception)> ExpectAsync<TError>(Func<Task> action)
    {
        var exception = await Assert.ThrowsAsync<SettlementRevertException>(action);
        return (Assert.IsType<TError>(exception.Error), exception);
    }
}
