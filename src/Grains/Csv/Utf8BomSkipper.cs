namespace PixOrga.Grains.Csv;

// The byte order mark can arrive split over several chunks, so the bytes that might start one are
// held back until they either complete it (and are dropped) or turn out to be data.
internal sealed class Utf8BomSkipper
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private int _matched;
    private bool _decided;

    /// <summary>
    /// Moves <paramref name="chunk"/> past any part of the mark and returns the held-back bytes
    /// that must be read before what is left of it.
    /// </summary>
    public ReadOnlySpan<byte> Advance(ref ReadOnlySpan<byte> chunk)
    {
        if (_decided)
        {
            return default;
        }

        while (chunk.Length > 0 && _matched < Bom.Length && chunk[0] == Bom[_matched])
        {
            _matched++;
            chunk = chunk[1..];
        }

        if (_matched == Bom.Length)
        {
            _decided = true;
            return default;
        }

        if (chunk.IsEmpty)
        {
            return default;
        }

        _decided = true;
        return Bom[.._matched];
    }

    /// <summary>Returns the held-back bytes when the input ends before the mark could be told apart.</summary>
    public ReadOnlySpan<byte> Flush()
    {
        if (_decided)
        {
            return default;
        }

        _decided = true;
        return Bom[.._matched];
    }
}
