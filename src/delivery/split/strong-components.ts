/**
 * Tarjan's strongly connected components over nodes 0..n-1, iterative so deep import chains cannot overflow
 * the stack. Components come out dependencies first, each listing its nodes in ascending order.
 */
export function strongComponents(adjacency: readonly (readonly number[])[]): number[][] {
  const count = adjacency.length;
  const order = new Array<number>(count).fill(-1);
  const low = new Array<number>(count).fill(0);
  const onStack = new Array<boolean>(count).fill(false);
  const stack: number[] = [];
  const components: number[][] = [];
  let next = 0;
  const work: { node: number; edge: number }[] = [];
  const enter = (node: number): void => {
    order[node] = low[node] = next++;
    stack.push(node);
    onStack[node] = true;
    work.push({ node, edge: 0 });
  };

  for (let root = 0; root < count; root++) {
    if (order[root] !== -1) continue;
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = adjacency[frame.node]!;
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++]!;
        if (order[target] === -1) enter(target);
        else if (onStack[target]) low[frame.node] = Math.min(low[frame.node]!, order[target]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== order[frame.node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = false;
        component.push(member);
      } while (member !== frame.node);
      components.push(component.sort((a, b) => a - b));
    }
  }
  return components;
}
