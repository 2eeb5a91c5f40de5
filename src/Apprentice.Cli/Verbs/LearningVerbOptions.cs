using System.CommandLine;
using Apprentice.Learning.Dataset;

namespace Apprentice.Cli.Verbs;

/// <summary>The dataset options shared by <c>train</c>, <c>dataset info</c> and <c>export lerobot</c>.</summary>
internal sealed class LearningVerbOptions
{
    public Argument<string[]> Bags { get; } = new("bags") { Description = "Demonstration bags (directories or .mcap/.db3 files).", Arity = ArgumentArity.OneOrMore };

    public Option<double> RateHz { get; } = new("--rate") { Description = "Control (sample) rate [Hz].", DefaultValueFactory = _ => 20.0 };

    public Option<string> ActionTopic { get; } = new("--action-topic") { Description = "Float64MultiArray topic of the actions.", DefaultValueFactory = _ => DatasetOptions.Default.ActionTopic };

    public Option<bool> InterventionsOnly { get; } = new("--interventions-only") { Description = "DAgger: actions from /teleop/commands inside /apprentice/intervention intervals only." };

    public Option<bool> SuccessfulOnly { get; } = new("--successful-only") { Description = "Keep only episodes labelled successful." };

    public Option<bool> NoGoal { get; } = new("--no-goal") { Description = "No goal input (/goal_pose)." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Bags);
        foreach (var o in new Option[] { RateHz, ActionTopic, InterventionsOnly, SuccessfulOnly, NoGoal })
        {
            command.Options.Add(o);
        }
    }

    public DatasetOptions Read(ParseResult parse) => DatasetOptions.Default with
    {
        ControlRateHz = parse.GetValue(RateHz),
        ActionTopic = parse.GetValue(ActionTopic)!,
        InterventionsOnly = parse.GetValue(InterventionsOnly),
        SuccessfulOnly = parse.GetValue(SuccessfulOnly),
        GoalTopic = parse.GetValue(NoGoal) ? null : DatasetOptions.Default.GoalTopic,
    };

    /// <summary>Runs a verb body, turning expected failures into one error line and exit code 1.</summary>
    public static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is DatasetException or IOException or ArgumentException or UnauthorizedAccessException or FormatException
            or Apprentice.Onnx.Runtime.OnnxPolicyLoadException or Apprentice.Core.Policies.Card.PolicyCardException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }
}
