using System.Collections;
using System.Text;
using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Generator;

/// <summary>Property initializers: declared defaults, else ROS's zero values (empty strings, sized fixed arrays).</summary>
internal static class DefaultValues
{
    public static string Initializer(FieldDefinition field)
    {
        var type = field.Type;
        var element = TypeMap.Element(type);
        if (!type.IsArray)
        {
            if (field.DefaultValue is not null)
            {
                return TypeMap.Literal(type.Kind, field.DefaultValue);
            }

            switch (type.Kind)
            {
                case PrimitiveKind.Message: return "new " + element + "()";
                case PrimitiveKind.String:
                case PrimitiveKind.WString: return "string.Empty";
                default: return "default";
            }
        }

        if (field.DefaultValue is IList list)
        {
            var sb = new StringBuilder("new " + element + "[] { ");
            for (var i = 0; i < list.Count; i++)
            {
                sb.Append(i == 0 ? string.Empty : ", ").Append(TypeMap.Literal(type.Kind, list[i]!));
            }

            return sb.Append(list.Count == 0 ? "}" : " }").ToString();
        }

        if (type.Array != ArrayKind.Fixed)
        {
            return "global::System.Array.Empty<" + element + ">()";
        }

        switch (type.Kind)
        {
            case PrimitiveKind.Message:
                return "global::Apprentice.Ros.Messages.MessageArrays.NewFilled<" + element + ">(" + type.ArrayLength + ")";
            case PrimitiveKind.String:
            case PrimitiveKind.WString:
                return "global::Apprentice.Ros.Messages.MessageArrays.NewStrings(" + type.ArrayLength + ")";
            default:
                return "new " + element + "[" + type.ArrayLength + "]";
        }
    }
}
