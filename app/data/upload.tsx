// Sends a file as JSON (`{ fileName, data: base64, ...extra }`, as every API
// write is JSON) with upload progress (fetch has none): what the restore and
// import panels show in their progress bars.
export type UploadReply = { status: number; json: Record<string, unknown> };

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ""));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export async function uploadFile(url: string, file: File, extra: Record<string, unknown>, onProgress: (fraction: number) => void): Promise<UploadReply> {
  let data: string;
  try {
    data = await base64Of(file);
  } catch {
    return { status: 0, json: { error: `${file.name} could not be read` } };
  }
  const body = JSON.stringify({ fileName: file.name, data, ...extra });
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", "application/json");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(xhr.responseText) as Record<string, unknown>;
      } catch {
        json = { error: `the server answered ${xhr.status} without JSON` };
      }
      resolve({ status: xhr.status, json });
    };
    xhr.onerror = () => resolve({ status: 0, json: { error: "the upload failed: no connection to Cardinal" } });
    xhr.send(body);
  });
}

export function Progress({ label, value }: { label: string; value: number | null }) {
  return (
    <div className="space-y-1" data-testid="progress">
      <p className="text-sm">{label}</p>
      {/* A native bar: no inline style (the CSP allows none); without a value it shows "busy". */}
      <progress className="h-2 w-full accent-red-700" aria-label={label} max={100} {...(value === null ? {} : { value: Math.round(value * 100) })} />
    </div>
  );
}
