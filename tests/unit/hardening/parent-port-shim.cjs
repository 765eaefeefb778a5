// Makes a forked Node child look like an Electron utility process for the worker-pool test:
// `process.parentPort` on top of the IPC channel, and `process.send` taken away so a worker
// that ignored parentPort could not answer at all.
const send = process.send.bind(process)
process.send = undefined
process.parentPort = {
  on(event, listener) {
    if (event === 'message') process.on('message', (data) => listener({ data }))
  },
  postMessage(message) {
    send(message)
  },
}
