using Apprentice.Ros.Idl;

namespace Apprentice.Ros.Generator;

/// <summary>
/// Emits <c>Serialize</c>, <c>Deserialize</c>, <c>DeserializeInto</c> and <c>ComputeEndPosition</c>.
/// All wire work goes through <c>Apprentice.Ros.Messages.MessageCdr</c> (small inlined helpers over
/// the CDR reader/writer), so the generated text does not depend on the codec's exact surface.
/// </summary>
internal static class SerializerEmitter
{
    private const string C = "global::Apprentice.Ros.Messages.MessageCdr";
    private const string Writer = "global::Apprentice.Ros.Cdr.CdrWriter";
    private const string Reader = "global::Apprentice.Ros.Cdr.CdrReader";

    public static void Emit(CodeBuilder code, MessageDefinition message, string className, IReadOnlyList<FieldPlan> fields)
    {
        EmitSerialize(code, fields);
        code.Line();
        code.Line("/// <summary>Decodes a new instance from <paramref name=\"reader\"/>.</summary>");
        code.Open("public static " + className + " Deserialize(ref " + Reader + " reader)");
        code.Line("var value = new " + className + "();");
        code.Line("value.DeserializeInto(ref reader);");
        code.Line("return value;");
        code.Close();
        code.Line();
        EmitDeserializeInto(code, fields);
        code.Line();
        EmitSize(code, fields);
    }

    private static void EmitSerialize(CodeBuilder code, IReadOnlyList<FieldPlan> fields)
    {
        code.Line("/// <summary>Writes the fields in CDR. Throws <see cref=\"global::Apprentice.Ros.Messages.MessageFieldLengthException\"/> when a fixed array has the wrong length or a bound is exceeded.</summary>");
        code.Open("public void Serialize(ref " + Writer + " writer)");
        if (fields.Count == 0)
        {
            code.Line("// An empty ROS struct has one uint8 member on the wire.");
            code.Line(C + ".WriteUInt8(ref writer, 0);");
        }

        foreach (var f in fields)
        {
            var type = f.Field.Type;
            var q = "\"" + f.QualifiedName + "\"";
            if (!type.IsArray)
            {
                code.Line(WriteElement(type, Checked(type, "this." + f.Property, q), q) + ";");
                continue;
            }

            code.Block();
            code.Line("var array = " + C + ".NotNull(this." + f.Property + ", " + q + ");");
            code.Line(type.Array == ArrayKind.Fixed
                ? C + ".CheckFixedLength(array, " + type.ArrayLength + ", " + q + ");"
                : C + ".WriteCount(ref writer, array.Length, " + Bound(type) + ", " + q + ");");
            if (IsBulk(type))
            {
                code.Line(C + ".Write" + TypeMap.CdrSuffix(type.Kind) + "Array(ref writer, array);");
            }
            else
            {
                code.Open("foreach (var item in array)");
                code.Line(WriteElement(type.ElementType, Checked(type, "item", q), q) + ";");
                code.Close();
            }

            code.Close();
        }

        code.Close();
    }

    /// <summary>Reference-typed values (strings, messages) pass through a null check that names the field.</summary>
    private static string Checked(FieldType type, string value, string name) =>
        type.Kind.FixedSize() > 0 ? value : C + ".NotNull(" + value + ", " + name + ")";

    private static string WriteElement(FieldType type, string value, string name)
    {
        switch (type.Kind)
        {
            case PrimitiveKind.Message:
                return value + ".Serialize(ref writer)";
            case PrimitiveKind.String:
            case PrimitiveKind.WString:
                return C + ".Write" + TypeMap.CdrSuffix(type.Kind) + "(ref writer, " + value + ", " + (type.StringBound ?? 0) + ", " + name + ")";
            default:
                return C + ".Write" + TypeMap.CdrSuffix(type.Kind) + "(ref writer, " + value + ")";
        }
    }

    private static void EmitDeserializeInto(CodeBuilder code, IReadOnlyList<FieldPlan> fields)
    {
        code.Line("/// <summary>");
        code.Line("/// Decodes into this instance, reusing nested messages, arrays whose length matches and strings whose");
        code.Line("/// bytes are unchanged, so a steady stream of same-shaped messages decodes without allocating.");
        code.Line("/// If decoding fails the instance holds a mix of old and new values.");
        code.Line("/// </summary>");
        code.Open("public void DeserializeInto(ref " + Reader + " reader)");
        if (fields.Count == 0)
        {
            code.Line(C + ".ReadUInt8(ref reader);");
        }

        foreach (var f in fields)
        {
            var type = f.Field.Type;
            var p = "this." + f.Property;
            var q = "\"" + f.QualifiedName + "\"";
            if (!type.IsArray)
            {
                code.Line(ReadElement(type, p, q) + ";");
                continue;
            }

            code.Block();
            var count = type.Array == ArrayKind.Fixed
                ? type.ArrayLength.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : C + ".ReadCount(ref reader, " + Bound(type) + ", " + MinElementSize(type) + ", " + q + ")";
            code.Line("var array = " + C + ".Reuse(" + p + ", " + count + ");");
            if (IsBulk(type))
            {
                code.Line(C + ".Read" + TypeMap.CdrSuffix(type.Kind) + "Array(ref reader, array);");
            }
            else
            {
                code.Open("for (var i = 0; i < array.Length; i++)");
                code.Line(ReadElement(type.ElementType, "array[i]", q) + ";");
                code.Close();
            }

            code.Line(p + " = array;");
            code.Close();
        }

        code.Close();
    }

    private static string ReadElement(FieldType type, string target, string name)
    {
        switch (type.Kind)
        {
            case PrimitiveKind.Message:
                return "(" + target + " ??= new " + TypeMap.Element(type) + "()).DeserializeInto(ref reader)";
            case PrimitiveKind.String:
            case PrimitiveKind.WString:
                return target + " = " + C + ".Read" + TypeMap.CdrSuffix(type.Kind) + "(ref reader, " + target + ", " + (type.StringBound ?? 0) + ", " + name + ")";
            default:
                return target + " = " + C + ".Read" + TypeMap.CdrSuffix(type.Kind) + "(ref reader)";
        }
    }

    private static void EmitSize(CodeBuilder code, IReadOnlyList<FieldPlan> fields)
    {
        code.Line("/// <summary>The position after this message when it starts at <paramref name=\"position\"/> (bytes from the CDR alignment origin, i.e. after the encapsulation header). Allocation-free.</summary>");
        code.Open("public int ComputeEndPosition(int position)");
        if (fields.Count == 0)
        {
            code.Line("position += 1;");
        }

        foreach (var f in fields)
        {
            var type = f.Field.Type;
            var q = "\"" + f.QualifiedName + "\"";
            if (!type.IsArray)
            {
                code.Line("position = " + SizeElement(type, Checked(type, "this." + f.Property, q)) + ";");
                continue;
            }

            var p = C + ".NotNull(this." + f.Property + ", " + q + ")";
            if (type.Array != ArrayKind.Fixed)
            {
                code.Line("position = " + C + ".Align(position, 4) + 4;");
            }

            var size = type.Kind.FixedSize();
            if (size > 0)
            {
                code.Line("position = " + C + ".SizeOfArray(position, " + p + ".Length, " + size + ");");
            }
            else
            {
                code.Open("foreach (var item in " + p + ")");
                code.Line("position = " + SizeElement(type.ElementType, Checked(type, "item", q)) + ";");
                code.Close();
            }
        }

        code.Line("return position;");
        code.Close();
    }

    private static string SizeElement(FieldType type, string value)
    {
        switch (type.Kind)
        {
            case PrimitiveKind.Message:
                return value + ".ComputeEndPosition(position)";
            case PrimitiveKind.String:
                return C + ".SizeOfString(position, " + value + ")";
            case PrimitiveKind.WString:
                return C + ".SizeOfWString(position, " + value + ")";
            default:
                var size = type.Kind.FixedSize();
                return C + ".Align(position, " + size + ") + " + size;
        }
    }

    /// <summary>Primitive numeric and bool arrays move as one block.</summary>
    private static bool IsBulk(FieldType type) => type.Kind.FixedSize() > 0;

    private static string Bound(FieldType type) => type.Array == ArrayKind.Bounded ? type.ArrayLength.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0";

    /// <summary>The fewest bytes one element can take, used to reject lying counts before allocating.</summary>
    private static int MinElementSize(FieldType type)
    {
        var size = type.Kind.FixedSize();
        if (size > 0)
        {
            return size;
        }

        return type.Kind == PrimitiveKind.Message ? 1 : 4;
    }
}
