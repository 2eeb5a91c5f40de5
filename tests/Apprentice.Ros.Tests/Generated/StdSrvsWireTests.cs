using Apprentice.Ros.Messages;
using Apprentice.Ros.Msgs.StdSrvs;

namespace Apprentice.Ros.Tests.Generated;

/// <summary>std_srvs has no reference in the npm validators, so its XCDR1 bytes are checked by hand.</summary>
public sealed class StdSrvsWireTests
{
    [Test]
    public void SetBool_request_is_one_boolean_byte_after_the_header()
    {
        var bytes = RosMessageCodec.Encode(new SetBoolRequest { Data = true });
        Assert.That(bytes, Is.EqualTo(new byte[] { 0, 1, 0, 0, 1 }));
        Assert.That(SetBoolRequest.DdsTypeName, Is.EqualTo("std_srvs::srv::dds_::SetBool_Request_"));
    }

    [Test]
    public void Trigger_response_aligns_the_string_length_to_four_bytes()
    {
        var bytes = RosMessageCodec.Encode(new TriggerResponse { Success = true, Message = "ok" });
        Assert.That(bytes, Is.EqualTo(new byte[] { 0, 1, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0, (byte)'o', (byte)'k', 0 }));
        Assert.That(RosMessageCodec.Decode<TriggerResponse>(bytes).Message, Is.EqualTo("ok"));
    }

    [Test]
    public void Empty_request_is_the_one_byte_placeholder_struct()
    {
        Assert.That(RosMessageCodec.Encode(new EmptyRequest()), Is.EqualTo(new byte[] { 0, 1, 0, 0, 0 }));
        Assert.That(TriggerService.RosTypeName, Is.EqualTo("std_srvs/srv/Trigger"));
    }
}
