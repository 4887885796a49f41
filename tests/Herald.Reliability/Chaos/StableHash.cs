using System.Text;

namespace Herald.Reliability.Chaos;

/// <summary>
/// FNV-1a over the parts' UTF-8 bytes: the same value in every process and run (unlike <see cref="HashCode"/>), so a
/// seed decides the same faults and requests each time.
/// </summary>
public static class StableHash
{
    public static ulong Of(int seed, params object[] parts)
    {
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var part in parts)
        {
            foreach (var b in Encoding.UTF8.GetBytes(Convert.ToString(part, System.Globalization.CultureInfo.InvariantCulture) + "\u001f"))
            {
                hash = (hash ^ b) * 1099511628211UL;
            }
        }
        return hash;
    }

    /// <summary>An item of <paramref name="weighted"/>, each as likely as its weight.</summary>
    public static T Pick<T>(ulong hash, IReadOnlyList<(T Item, int Weight)> weighted)
    {
        var roll = (int)(hash % (ulong)weighted.Sum(w => w.Weight));
        foreach (var (item, weight) in weighted)
        {
            if ((roll -= weight) < 0)
            {
                return item;
            }
        }
        return weighted[^1].Item;
    }
}
