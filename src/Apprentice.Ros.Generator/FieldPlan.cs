using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Generator;

/// <summary>A field with the C# property name chosen for it.</summary>
internal sealed class FieldPlan
{
    private FieldPlan(FieldDefinition field, string property, string qualifiedName)
    {
        Field = field;
        Property = property;
        QualifiedName = qualifiedName;
    }

    public FieldDefinition Field { get; }

    public string Property { get; }

    /// <summary><c>pkg/msg/Type.field</c>, named in error messages.</summary>
    public string QualifiedName { get; }

    public static IReadOnlyList<FieldPlan> For(MessageDefinition message, string className)
    {
        var plans = new List<FieldPlan>(message.Fields.Count);
        foreach (var f in message.Fields)
        {
            plans.Add(new FieldPlan(f, Naming.Property(f, className, message), message.FullName + "." + f.Name));
        }

        return plans;
    }
}
