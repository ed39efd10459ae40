/*
 * bcryptprimitives.dll for Wine 8, which lacks it: Rust's standard library (1.78 and later)
 * imports ProcessPrng from it on Windows, and a program that imports it does not load without
 * it (status c0000135). This DLL exports that one function, answered by RtlGenRandom
 * (advapi32's SystemFunction036). Placed beside a Windows executable, it is found first.
 *
 * Build: x86_64-w64-mingw32-gcc -shared -o bcryptprimitives.dll processprng.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
