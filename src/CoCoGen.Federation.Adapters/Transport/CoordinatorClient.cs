using System.Net;
using System.Net.Http.Json;
using CoCoGen.Federation.Ports;
using CoCoGen.Federation.Records;

namespace CoCoGen.Federation.Adapters.Transport;

/// <summary>An organization process's typed client of the coordinator API.</summary>
public sealed class CoordinatorClient(HttpClient http)
{
    /// <summary>Announces the organization's public profile.</summary>
    public async Task JoinAsync(OrganizationProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var response = await http.PostAsJsonAsync(new Uri($"v1/organizations/{profile.Id}/join", UriKind.Relative), profile, RunJson.Options, cancellationToken)
            .ConfigureAwait(false);
        await EnsureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits for the next piece of work; null when none came within the poll window.</summary>
    public async Task<WorkItem?> NextWorkAsync(string organizationId, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            new Uri(FormattableString.Invariant($"v1/organizations/{organizationId}/work?wait={wait.TotalSeconds}"), UriKind.Relative), cancellationToken)
            .ConfigureAwait(false);
        await EnsureAsync(response, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NoContent
            ? null
            : await response.Content.ReadFromJsonAsync<WorkItem>(RunJson.Options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Downloads the global or generator weights of a piece of work.</summary>
    public async Task<Ports.ModelWeights> WeightsAsync(string workId, string which, CancellationToken cancellationToken)
    {
        var bytes = await http.GetByteArrayAsync(new Uri($"v1/work/{workId}/weights/{which}", UriKind.Relative), cancellationToken).ConfigureAwait(false);
        return WeightsWireFormat.Decode(bytes);
    }

    /// <summary>Uploads an update: weights as the body, figures as headers.</summary>
    public async Task UploadAsync(string workId, LocalUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"v1/work/{workId}/update", UriKind.Relative))
        {
            Content = new ByteArrayContent(WeightsWireFormat.Encode(update.Weights)),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(WeightsWireFormat.MediaType);
        UpdateHeaders.Write(request.Headers, update);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Posts the receipt of a chain transaction (null: nothing was sent).</summary>
    public async Task ReceiptAsync(string workId, ChainReceipt? receipt, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri($"v1/work/{workId}/receipt", UriKind.Relative), receipt, RunJson.Options, cancellationToken)
            .ConfigureAwait(false);
        await EnsureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reports that a piece of work failed, and why.</summary>
    public async Task FailureAsync(string workId, string message, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri($"v1/work/{workId}/failure", UriKind.Relative), new WorkFailure(message), RunJson.Options, cancellationToken)
            .ConfigureAwait(false);
        await EnsureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Gone)
        {
            throw new WorkAbandonedException(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }

        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"coordinator answered {(int)response.StatusCode}: {detail}", null, response.StatusCode);
        }
    }
}
