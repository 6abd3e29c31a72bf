// The demo consult page behaves like a video-call page: getUserMedia, a self-view, stop on demand.
// Its loopback consult sends the camera over one RTCPeerConnection to a second one in the same page,
// whose incoming stream is shown as the remote patient's tile.
const video = document.getElementById('self-view');
const remoteView = document.getElementById('remote-view');
const remoteTile = document.getElementById('remote-tile');
const status = document.getElementById('page-status');
let stream = null;
let consult = null;

async function start() {
  try {
    // ?camera=absent asks for a camera no machine has (as when none is plugged in): getUserMedia fails.
    const absent = new URLSearchParams(location.search).get('camera') === 'absent';
    const constraints = absent ? { deviceId: { exact: 'no-such-camera' } } : { width: 640, height: 480 };
    stream = await navigator.mediaDevices.getUserMedia({ video: constraints, audio: false });
    video.srcObject = stream;
    status.textContent = 'Camera on';
  } catch (error) {
    status.textContent = `Camera error: ${error.message}`;
  }
}

function stop() {
  stream?.getTracks().forEach((track) => track.stop());
  video.srcObject = null;
  stream = null;
  status.textContent = 'Camera off';
}

async function call() {
  if (consult) return;
  if (!stream) await start();
  if (!stream) return;
  const caller = new RTCPeerConnection();
  const callee = new RTCPeerConnection();
  consult = { caller, callee, remoteStream: null };
  caller.addEventListener('icecandidate', (e) => e.candidate && callee.addIceCandidate(e.candidate));
  callee.addEventListener('icecandidate', (e) => e.candidate && caller.addIceCandidate(e.candidate));
  callee.addEventListener('track', (e) => {
    consult.remoteStream = e.streams[0];
    remoteView.srcObject = e.streams[0];
    remoteTile.hidden = false;
  });
  for (const track of stream.getVideoTracks()) caller.addTrack(track, stream);
  await caller.setLocalDescription(await caller.createOffer());
  await callee.setRemoteDescription(caller.localDescription);
  await callee.setLocalDescription(await callee.createAnswer());
  await caller.setRemoteDescription(callee.localDescription);
  status.textContent = 'In consult';
}

function hangUp() {
  if (!consult) return;
  consult.caller.close();
  consult.callee.close();
  remoteView.srcObject = null;
  remoteTile.hidden = true;
  consult = null;
  status.textContent = stream ? 'Camera on' : 'Camera off';
}

document.getElementById('start').addEventListener('click', start);
document.getElementById('stop').addEventListener('click', stop);
document.getElementById('call').addEventListener('click', call);
document.getElementById('hang-up').addEventListener('click', hangUp);
window.demo = { start, stop, call, hangUp, get stream() { return stream; }, get consult() { return consult; } };
const query = new URLSearchParams(location.search);
if (query.has('loopback')) call();
else if (query.has('autostart')) start();
