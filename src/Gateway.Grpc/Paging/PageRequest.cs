using PixOrga.Gateway.Grpc.Errors;

namespace PixOrga.Gateway.Grpc.Paging;

public static class PageRequest
{
    /// <summary>The page size to use: the default when unset, refused when negative, capped at the maximum.</summary>
    public static int Size(int requested, int defaultSize, int maxSize)
    {
        if (requested < 0)
        {
            throw RpcErrors.Invalid("INVALID_PAGE_SIZE", "La taille de page doit être positive.", "page_size");
        }

        return requested == 0 ? defaultSize : Math.Min(requested, maxSize);
    }
}
