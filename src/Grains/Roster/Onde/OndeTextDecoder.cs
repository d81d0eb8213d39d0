using System.Text;
using System.Text.Unicode;

namespace PixOrga.Grains.Roster.Onde;

// Schools upload what their spreadsheet saved: UTF-8 from recent tools, Windows-1252 from Excel on
// Windows (ISO-8859-1 files read the same on every printable character). A file is UTF-8 until a
// record proves otherwise; records are cut on CR and LF, which are the same bytes in both
// encodings and never occur inside a UTF-8 sequence, so checking record by record is checking the
// whole file.
internal sealed class OndeTextDecoder
{
    private static readonly Encoding Windows1252 = CreateWindows1252();

    public OndeFileEncoding Encoding { get; private set; } = OndeFileEncoding.Utf8;

    /// <returns>true when this record is the one that shows the file is not UTF-8.</returns>
    public bool Observe(ReadOnlySpan<byte> record)
    {
        if (Encoding != OndeFileEncoding.Utf8 || Utf8.IsValid(record))
        {
            return false;
        }

        Encoding = OndeFileEncoding.Windows1252;
        return true;
    }

    // ASCII reads the same in both encodings, and most values are ASCII: they take the faster
    // UTF-8 decoder whatever the file's encoding.
    public string Decode(ReadOnlySpan<byte> bytes) =>
        Encoding == OndeFileEncoding.Utf8 || Ascii.IsValid(bytes)
            ? System.Text.Encoding.UTF8.GetString(bytes)
            : Windows1252.GetString(bytes);

    // Decoding valid UTF-8 loses nothing, so encoding the text again gives back the file's bytes:
    // the header can be read again without having kept its bytes.
    public static string RedecodeAsWindows1252(string decodedAsUtf8) =>
        Windows1252.GetString(System.Text.Encoding.UTF8.GetBytes(decodedAsUtf8));

    private static Encoding CreateWindows1252()
    {
        // .NET ships only the Unicode and Latin-1 encodings; code page 1252 comes from this provider.
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }
}
