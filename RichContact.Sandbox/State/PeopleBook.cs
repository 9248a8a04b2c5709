using System.Text.Json.Nodes;
using RichContact.Sandbox.Search;

namespace RichContact.Sandbox.State;

/// <summary>
/// The people profiles of one website. One lock per website keeps writes atomic; emails are indexed
/// case-insensitively because Crisp treats <c>A@x.com</c> and <c>a@x.com</c> as the same profile.
/// </summary>
internal sealed class PeopleBook
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, JsonObject> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _idByEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];
    /// <summary>When each profile shows up in search (unix ms): its creation plus the reading's index lag.</summary>
    private readonly Dictionary<string, long> _searchableAt = new(StringComparer.Ordinal);

    public int Count { get { lock (_lock) return _byId.Count; } }

    public static string? EmailOf(JsonObject profile) => Json.String(profile["email"])?.Trim();

    public static bool IsEmail(string? email) => !string.IsNullOrWhiteSpace(email) && email.Contains('@');

    /// <param name="indexLagMs">How long the profile stays out of search results (reading by id or email is immediate).</param>
    public (PeopleWriteOutcome Outcome, JsonObject? Profile) Create(JsonObject body, int indexLagMs = 0)
    {
        var email = EmailOf(body);
        if (!IsEmail(email))
            return (PeopleWriteOutcome.Invalid, null);
        var now = UnixTime.NowMs();
        var profile = (JsonObject)body.DeepClone();
        var peopleId = Guid.NewGuid().ToString();
        profile["people_id"] = peopleId;
        profile["email"] = email;
        profile["created_at"] = now;
        profile["updated_at"] = now;
        profile["segments"] ??= new JsonArray();
        profile["person"] ??= new JsonObject();
        lock (_lock)
        {
            if (_idByEmail.ContainsKey(email!))
                return (PeopleWriteOutcome.EmailTaken, null);
            _byId[peopleId] = profile;
            _idByEmail[email!] = peopleId;
            _order.Add(peopleId);
            _searchableAt[peopleId] = now + indexLagMs;
            return (PeopleWriteOutcome.Done, (JsonObject)profile.DeepClone());
        }
    }

    public JsonObject? Get(string peopleIdOrEmail)
    {
        lock (_lock)
            return Find(peopleIdOrEmail)?.DeepClone() as JsonObject;
    }

    public (PeopleWriteOutcome Outcome, JsonObject? Profile) Replace(string peopleIdOrEmail, JsonObject body) =>
        Write(peopleIdOrEmail, current =>
        {
            var next = (JsonObject)body.DeepClone();
            foreach (var kept in new[] { "people_id", "created_at" })
                next[kept] = current[kept]?.DeepClone();
            next["email"] ??= current["email"]?.DeepClone();
            return next;
        });

    public (PeopleWriteOutcome Outcome, JsonObject? Profile) Update(string peopleIdOrEmail, JsonObject patch) =>
        Write(peopleIdOrEmail, current =>
        {
            var next = (JsonObject)current.DeepClone();
            patch.Remove("people_id");
            patch.Remove("created_at");
            Json.Merge(next, patch);
            return next;
        });

    public JsonObject? Remove(string peopleIdOrEmail)
    {
        lock (_lock)
        {
            var profile = Find(peopleIdOrEmail);
            if (profile is null)
                return null;
            var peopleId = Json.String(profile["people_id"])!;
            _byId.Remove(peopleId);
            _idByEmail.Remove(EmailOf(profile)!);
            _order.Remove(peopleId);
            _searchableAt.Remove(peopleId);
            return profile;
        }
    }

    /// <summary>Profiles in creation order, filtered; a page is a slice of the matches.</summary>
    public List<JsonObject> Search(PeopleQuery query, SearchReading reading, int page, int perPage)
    {
        var skip = (page - 1) * perPage;
        var results = new List<JsonObject>(perPage);
        var now = UnixTime.NowMs();
        lock (_lock)
        {
            // The common "is there a profile with this email" lookup goes through the index.
            if (query.ExactEmail() is { } email)
            {
                if (skip == 0 && _idByEmail.TryGetValue(email, out var id) && _searchableAt[id] <= now)
                    results.Add((JsonObject)_byId[id].DeepClone());
                return results;
            }
            foreach (var id in _order)
            {
                var profile = _byId[id];
                if (_searchableAt[id] > now || !query.Matches(profile, reading))
                    continue;
                if (skip-- > 0)
                    continue;
                results.Add((JsonObject)profile.DeepClone());
                if (results.Count == perPage)
                    break;
            }
        }
        return results;
    }

    public List<JsonObject> All()
    {
        lock (_lock)
            return _order.Select(id => (JsonObject)_byId[id].DeepClone()).ToList();
    }

    private JsonObject? Find(string peopleIdOrEmail)
    {
        if (_byId.TryGetValue(peopleIdOrEmail, out var profile))
            return profile;
        return _idByEmail.TryGetValue(peopleIdOrEmail.Trim(), out var id) ? _byId[id] : null;
    }

    private (PeopleWriteOutcome, JsonObject?) Write(string peopleIdOrEmail, Func<JsonObject, JsonObject> change)
    {
        lock (_lock)
        {
            var current = Find(peopleIdOrEmail);
            if (current is null)
                return (PeopleWriteOutcome.NotFound, null);
            var next = change(current);
            var oldEmail = EmailOf(current)!;
            var newEmail = EmailOf(next);
            if (!IsEmail(newEmail))
                return (PeopleWriteOutcome.Invalid, null);
            var peopleId = Json.String(current["people_id"])!;
            if (!string.Equals(oldEmail, newEmail, StringComparison.OrdinalIgnoreCase))
            {
                if (_idByEmail.ContainsKey(newEmail!))
                    return (PeopleWriteOutcome.EmailTaken, null);
                _idByEmail.Remove(oldEmail);
                _idByEmail[newEmail!] = peopleId;
            }
            next["email"] = newEmail;
            next["updated_at"] = UnixTime.NowMs();
            _byId[peopleId] = next;
            return (PeopleWriteOutcome.Done, (JsonObject)next.DeepClone());
        }
    }
}
