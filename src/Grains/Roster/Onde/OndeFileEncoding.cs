namespace PixOrga.Grains.Roster.Onde;

public enum OndeFileEncoding
{
    Utf8,
    Windows1252,
}
