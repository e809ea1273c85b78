// Times Plugins > Denoise on a generated image, next to ImageJ's own Gaussian blur on the same
// pixels as a baseline from the same run. Argument: "stack" (512x512x100, 16-bit) or "large"
// (4096x4096, 32-bit). Run it headless with imagej-plugin/bench.sh for the peak memory too.
model = "denoise/mnist-seed";
which = getArgument();
if (which == "") which = "stack";
setBatchMode(true);

// Load the model first, so the timings below are denoising only.
t0 = getTime();
newImage("warm-up", "16-bit ramp", 64, 64, 1);
run("Denoise...", "model=" + model + " stack");
close("*");
load = (getTime() - t0) / 1000;

if (which == "large") {
    newImage("large", "32-bit ramp", 4096, 4096, 1);
    run("Add Specified Noise...", "standard=0.1");
} else {
    newImage("stack", "16-bit ramp", 512, 512, 100);
    run("Add Specified Noise...", "stack standard=2000");
}
id = getImageID();
planes = nSlices;
megapixels = getWidth() * getHeight() * planes / 1e6;

t0 = getTime();
run("Denoise...", "model=" + model + " stack");
denoise = (getTime() - t0) / 1000;
close();

selectImage(id);
t0 = getTime();
run("Gaussian Blur...", "sigma=2 stack");
blur = (getTime() - t0) / 1000;

print("bench " + which + ": " + getWidth() + "x" + getHeight() + "x" + planes + " " + bitDepth() + "-bit"
    + ", model load " + d2s(load, 1) + " s"
    + ", denoise " + d2s(denoise, 1) + " s (" + d2s(planes / denoise, 2) + " planes/s, "
    + d2s(megapixels / denoise, 2) + " Mpx/s)"
    + ", Gaussian blur sigma 2 " + d2s(blur, 2) + " s"
    + ", denoise/blur " + d2s(denoise / blur, 0) + "x");
