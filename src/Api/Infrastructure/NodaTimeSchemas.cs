using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NodaTime;

namespace QunTuan.Api.Infrastructure;

/// <summary>NodaTime values travel as ISO strings; say so in the OpenAPI document.</summary>
public sealed class NodaTimeSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var format = type == typeof(Instant) ? "date-time" : type == typeof(LocalDate) ? "date"
            : type == typeof(LocalTime) ? "time" : type == typeof(Duration) ? "duration" : null;
        if (format is null) return Task.CompletedTask;
        schema.Type = JsonSchemaType.String;
        schema.Format = format;
        schema.Properties?.Clear();
        // NodaTime writes a duration as hours, minutes and seconds ("168:00:00" is 7 days), not ISO 8601.
        if (type == typeof(Duration)) schema.Pattern = @"^-?\d+:\d{2}:\d{2}(\.\d{1,9})?$";
        return Task.CompletedTask;
    }
}
