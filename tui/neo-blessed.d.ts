// neo-blessed ships no types; it keeps blessed's API, which @types/blessed describes (research/deps-probe.md §7).
declare module 'neo-blessed' {
  import blessed from 'blessed';
  export default blessed;
}
