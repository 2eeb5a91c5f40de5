using Apprentice.Core;
using Apprentice.Core.Control;
using Apprentice.Core.Observations;
using Apprentice.Core.Policies.Card;
using Apprentice.Dds.Transport;
using Apprentice.Dds.Typed;
using Apprentice.Nodes.Imaging;
using Apprentice.Onnx.Runtime;
using Apprentice.Ros.Msgs.GeometryMsgs;
using Apprentice.Ros.Msgs.StdMsgs;
using Apprentice.Ros.Msgs.TrajectoryMsgs;
using Apprentice.Ros.Qos;
using Apprentice.Safety.Limits;
using Serilog;

namespace Apprentice.Nodes.Policy;

/// <summary>
/// The configure step: robot files, model load and warm-up, card checks against the configured
/// joints, boxes and subscriptions, encoders, control loop, safety stage and output. Everything
/// built is disposed again when a later step fails.
/// </summary>
internal static class PolicyRuntimeBuilder
{
    public static PolicyRuntime Build(PolicyNodeOptions o, ITransport transport, TimeProvider time, ILogger log)
    {
        if (o.Model.Path.Length == 0)
        {
            throw new ConfigurationException("model.path", "is empty; set it to the policy's .onnx file.");
        }

        var (limits, chain, warnings) = SafetyBuilder.Robot(o);
        var session = OnnxPolicySession.Load(
            new OnnxPolicyOptions { ModelPath = o.Model.Path, ExecutionProvider = o.Model.Provider, WarmupRuns = o.Model.WarmupRuns, RobotJointNames = [.. o.Robot.JointNames] },
            log, time);
        var owned = new List<IDisposable> { session };
        try
        {
            return Assemble(o, transport, time, log, session, limits, chain, warnings, owned);
        }
        catch
        {
            owned.ForEach(d => d.Dispose());
            throw;
        }
    }

    private static PolicyRuntime Assemble(
        PolicyNodeOptions o, ITransport transport, TimeProvider time, ILogger log, OnnxPolicySession session,
        JointLimits[] limits, Safety.Kinematics.KinematicChain? chain, IReadOnlyList<string> warnings, List<IDisposable> owned)
    {
        var card = session.Card;
        if (!card.Action.JointNames.SequenceEqual(o.Robot.JointNames))
        {
            throw new ConfigurationException("robot.joint_names", "the policy '" + o.Model.Path + "' commands [" + string.Join(", ", card.Action.JointNames) + "] but robot.joint_names is [" + string.Join(", ", o.Robot.JointNames) + "]; they must match in order.");
        }

        var rate = o.Control.RateHz > 0 ? o.Control.RateHz : card.ControlRateHz;
        if (!(rate > 0) || rate > 10_000)
        {
            throw new ConfigurationException("control.rate_hz", "set a rate in (0, 10000] Hz; the policy card gives none (" + card.ControlRateHz + ").");
        }

        var period = TimeSpan.FromSeconds(1.0 / rate);
        var inputs = new PolicyInputs(o, CardWiring.ExtraJointOrders(card, o.Robot.JointNames), CardWiring.ReferenceDimension(card, o), time);
        owned.Add(inputs);
        var takeover = o.Takeover.Input.Enabled ? new TakeoverInput(o.Takeover, limits.Length, time) : null;
        if (takeover is not null)
        {
            owned.Add(takeover);
        }

        var decoder = o.Inputs.Camera.Type.EndsWith("CompressedImage", StringComparison.Ordinal) ? new SkiaImageDecoder() : null;
        if (decoder is not null)
        {
            owned.Add(decoder);
        }

        var recorder = new ChunkRecorder(new OnnxPolicy(session));
        var stage = new SafetyStage(SafetyBuilder.Stage(o, limits, chain, inputs, takeover, period) with { ActionMode = card.Action.Mode, Ood = new InputOod(session) });
        var output = Output(o, transport, time, limits, recorder, card.Action.Mode, period, inputs.Joints);
        owned.Add(output);
        var deceleration = limits.Select(l => double.IsFinite(l.MaxDeceleration) && l.MaxDeceleration > 0 ? l.MaxDeceleration : o.Safety.HaltDeceleration).ToArray();
        var loop = new ControlLoop(
            new ControlLoopOptions { Period = period, Mode = ControlMode.Synchronous, InferenceBudget = o.Control.Budget },
            new ControlLoopParts
            {
                Assembler = new ObservationAssembler(inputs.ObservationInputs, new ObservationOptions { MaxSkew = o.Control.MaxInputSkew }),
                Encoders = CardWiring.Encoders(card, recorder, inputs, o, decoder),
                Policy = recorder,
                Fallback = new SmoothHaltFallback(new SmoothHaltOptions { Kind = CommandKind.Velocity, MaxDecelerationPerSec2 = deceleration }, limits.Length),
                Sink = output,
                Clock = time,
                Filter = stage,
            });

        // Subscribe last: callbacks may run as soon as a subscription exists.
        inputs.Subscribe(transport, log);
        takeover?.Subscribe(transport, log);
        return new PolicyRuntime
        {
            Session = session, Inputs = inputs, Takeover = takeover, Loop = loop, Stage = stage, Output = output, Limits = limits,
            Decoder = decoder, Warnings = warnings,
        };
    }

    private static IPolicyOutput Output(PolicyNodeOptions o, ITransport transport, TimeProvider time, JointLimits[] limits, ChunkRecorder recorder, ActionMode mode, TimeSpan period, JointStateBox? joints)
    {
        var topic = o.Output.Topic;
        var qos = QosProfiles.Default;
        return o.Output.Kind switch
        {
            OutputKind.JointTrajectory => new JointTrajectoryOutput(
                transport.CreatePublisher<JointTrajectory>(topic, qos, 1024), o.Robot.JointNames, o.Output.FrameId, period, limits,
                o.Output.Mode == OutputMode.Chunk ? recorder : null, mode, joints),
            OutputKind.Float64MultiArray => new Float64ArrayOutput(transport.CreatePublisher<Float64MultiArray>(topic, qos), limits.Length, o.Output.Mode == OutputMode.Position, period, joints),
            OutputKind.TwistStamped => new TwistOutput(transport.CreatePublisher<TwistStamped>(topic, qos), null, o.Output.FrameId, time),
            _ => new TwistOutput(null, transport.CreatePublisher<Twist>(topic, qos), o.Output.FrameId, time),
        };
    }
}
