using System.Text.Json;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>
/// The coordinator's HTTP/JSON API (version 1). Organizations poll for work and post results; weights
/// travel as safetensors bodies; no raw sample ever crosses it.
/// </summary>
public static class CoordinatorEndpoints
{
    /// <summary>Long-poll wait of <c>GET work</c> when the caller names none.</summary>
    public static readonly TimeSpan DefaultPollWait = TimeSpan.FromSeconds(20);

    /// <summary>Maps the API onto <paramref name="routes"/> under <c>/v1</c>.</summary>
    public static IEndpointRouteBuilder MapCoordinatorEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var api = routes.MapGroup("/v1");

        api.MapPost("/organizations/{id}/join", async (string id, HttpRequest request, CoordinatorHub hub, CancellationToken cancellationToken) =>
        {
            if (hub.Find(id) is not { } mailbox)
            {
                return Results.Problem($"organization {id} is not part of this run", statusCode: StatusCodes.Status404NotFound);
            }

            OrganizationProfile? profile;
            try
            {
                profile = await request.ReadFromJsonAsync<OrganizationProfile>(RunJson.Options, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                return Results.Problem($"organization {id}: the join profile is malformed: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
            }

            if (profile is null || profile.Id != id || profile.LocalSamples <= 0 || profile.Address == ChainAddress.Zero)
            {
                return Results.Problem($"organization {id}: the join profile must carry id {id}, an address and a positive localSamples", statusCode: StatusCodes.Status400BadRequest);
            }

            mailbox.Join(profile);
            return Results.NoContent();
        });

        api.MapGet("/organizations/{id}/work", async (string id, double? wait, CoordinatorHub hub, CancellationToken cancellationToken) =>
        {
            if (hub.Find(id) is not { } mailbox)
            {
                return Results.Problem($"organization {id} is not part of this run", statusCode: StatusCodes.Status404NotFound);
            }

            var item = await mailbox.TakeAsync(wait is > 0 and <= 120 ? TimeSpan.FromSeconds(wait.Value) : DefaultPollWait, cancellationToken)
                .ConfigureAwait(false);
            return item is null ? Results.NoContent() : Results.Json(item, RunJson.Options);
        });

        api.MapGet("/work/{workId}/weights/{which}", (string workId, string which, CoordinatorHub hub) =>
        {
            var work = hub.FindWork(workId);
            var bytes = which switch
            {
                "global" => work?.Global,
                "generator" => work?.Generator,
                _ => null,
            };
            return bytes is null
                ? Results.Problem($"work {workId} has no '{which}' weights (unknown, finished or abandoned)", statusCode: StatusCodes.Status410Gone)
                : Results.Bytes(bytes, WeightsWireFormat.MediaType);
        });

        api.MapPost("/work/{workId}/update", async (string workId, HttpRequest request, CoordinatorHub hub, CancellationToken cancellationToken) =>
        {
            if (hub.FindWork(workId) is not { } work)
            {
                return Results.Problem($"work {workId} is no longer awaited (straggler timeout or finished)", statusCode: StatusCodes.Status410Gone);
            }

            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            try
            {
                work.Result.TrySetResult(UpdateHeaders.Read(request.Headers, WeightsWireFormat.Decode(body.GetBuffer().AsSpan(0, (int)body.Length))));
            }
            catch (FormatException ex)
            {
                return Results.Problem($"work {workId}: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
            }

            return Results.NoContent();
        });

        api.MapPost("/work/{workId}/receipt", async (string workId, HttpRequest request, CoordinatorHub hub, CancellationToken cancellationToken) =>
        {
            if (hub.FindWork(workId) is not { } work)
            {
                return Results.Problem($"work {workId} is no longer awaited", statusCode: StatusCodes.Status410Gone);
            }

            var receipt = request.ContentLength is 0
                ? null
                : await request.ReadFromJsonAsync<ChainReceipt>(RunJson.Options, cancellationToken).ConfigureAwait(false);
            work.Result.TrySetResult(receipt);
            return Results.NoContent();
        });

        api.MapPost("/work/{workId}/failure", async (string workId, HttpRequest request, CoordinatorHub hub, CancellationToken cancellationToken) =>
        {
            if (hub.FindWork(workId) is not { } work)
            {
                return Results.Problem($"work {workId} is no longer awaited", statusCode: StatusCodes.Status410Gone);
            }

            var failure = await JsonSerializer.DeserializeAsync<WorkFailure>(request.Body, RunJson.Options, cancellationToken).ConfigureAwait(false);
            work.Result.TrySetException(new InvalidOperationException(failure?.Message ?? "the organization reported a failure without a message"));
            return Results.NoContent();
        });

        return routes;
    }
}
