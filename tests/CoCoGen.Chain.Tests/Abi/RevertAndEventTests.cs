using System.Numerics;
using CoCoGen.Chain.Abi;
using CoCoGen.Chain.Accounts;
using CoCoGen.Chain.Primitives;

namespace CoCoGen.Chain.Tests.Abi;

public sealed class RevertAndEventTests
{
    private const string TransferAbi = """
        [
          {"type":"event","name":"Transfer","anonymous":false,"inputs":[
            {"name":"from","type":"address","indexed":true},
            {"name":"to","type":"address","indexed":true},
            {"name":"value","type":"uint256","indexed":false}]},
          {"type":"error","name":"InsufficientBalance","inputs":[
            {"name":"available","type":"uint256"},{"name":"required","type":"uint256"}]},
          {"type":"function","name":"transfer","stateMutability":"nonpayable",
           "inputs":[{"name":"to","type":"address"},{"name":"amount","type":"uint256"}],
           "outputs":[{"name":"","type":"bool"}]}
        ]
        """;

    [Fact]
    public void Error_string_revert_decodes_to_its_message()
    {
        // Error("Not enough Ether provided.") as the Solidity docs show it.
        var data = Hex.Decode("0x08c379a0"
            + "0000000000000000000000000000000000000000000000000000000000000020"
            + "000000000000000000000000000000000000000000000000000000000000001a"
            + "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");
        var reason = RevertReason.Decode(data);
        Assert.Equal("Not enough Ether provided.", reason.Message);
        Assert.Equal("Error: Not enough Ether provided.", reason.ToString());
    }

    [Fact]
    public void Panic_revert_decodes_to_its_code()
    {
        var data = Hex.Decode("0x4e487b71" + "0000000000000000000000000000000000000000000000000000000000000011");
        var reason = RevertReason.Decode(data);
        Assert.Equal(new BigInteger(0x11), reason.PanicCode);
        Assert.Equal("Panic 0x11", reason.ToString());
    }

    [Fact]
    public void Custom_error_decodes_through_the_contract_abi()
    {
        var abi = ContractAbi.Parse(TransferAbi);
        var error = abi.Errors.Single();
        Assert.Equal("0xcf479181", Hex.Encode(error.Selector));
        var reason = RevertReason.Decode(error.Encode(100, 250), abi);
        Assert.Same(error, reason.Error);
        Assert.Equal(new object[] { new BigInteger(100), new BigInteger(250) }, reason.Arguments);
        Assert.Equal("InsufficientBalance(100, 250)", reason.ToString());
    }

    [Fact]
    public void Unknown_revert_data_is_kept_raw()
    {
        var reason = RevertReason.Decode(Hex.Decode("0xdeadbeef"));
        Assert.Null(reason.Error);
        Assert.Equal("unknown revert 0xdeadbeef", reason.ToString());
    }

    [Fact]
    public void Transfer_event_topic_and_log_decode()
    {
        var abi = ContractAbi.Parse(TransferAbi);
        var transfer = abi.Event("Transfer");
        Assert.Equal("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", Hex.Encode(transfer.Topic));
        Assert.Equal("0xa9059cbb", Hex.Encode(abi.Function("transfer").Selector));

        var from = EthereumAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        var to = EthereumAddress.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        byte[][] topics = [transfer.Topic, AbiEncoder.EncodeTopic(AbiType.Parse("address"), from), AbiEncoder.EncodeTopic(AbiType.Parse("address"), to)];
        var values = transfer.Decode(topics, AbiEncoder.EncodeSingle(AbiType.Parse("uint256"), 5));
        Assert.Equal(from, values[0]);
        Assert.Equal(to, values[1]);
        Assert.Equal(new BigInteger(5), values[2]);
        Assert.Same(transfer, abi.FindEvent(topics));
    }

    [Fact]
    public void Log_with_missing_topics_is_rejected()
    {
        var transfer = ContractAbi.Parse(TransferAbi).Event("Transfer");
        Assert.Throws<FormatException>(() => transfer.Decode([transfer.Topic], new byte[32]));
    }
}
