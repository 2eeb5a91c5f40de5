namespace Apprentice.Core.Policies.Card;

/// <summary>One problem found in a policy card.</summary>
/// <param name="Field">Path of the card field at fault in JSON names, for example <c>inputs[1].shape[2]</c>.</param>
/// <param name="Message">What is wrong and what would fix it.</param>
public sealed record PolicyCardError(string Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Field + ": " + Message;
}
